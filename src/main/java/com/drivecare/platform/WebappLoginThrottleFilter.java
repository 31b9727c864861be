package com.drivecare.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) behind the
 * same {@link LoginThrottle} as HTTP Basic: a refused attempt never reaches Camunda's login; Camunda's
 * answer says whether the password was right (401: wrong; 200 or 403 — right, but not for that app).
 */
public class WebappLoginThrottleFilter extends OncePerRequestFilter {

  private static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

  private final LoginThrottle throttle;
  private final ProblemSecurityHandlers problems;

  public WebappLoginThrottleFilter(LoginThrottle throttle, ProblemSecurityHandlers problems) {
    this.throttle = throttle;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return !"POST".equalsIgnoreCase(request.getMethod()) || !LOGIN.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    FormRequest form = FormRequest.read(request);
    String userId = form.parameter("username");
    String client = request.getRemoteAddr();
    LoginThrottle.Verdict verdict = throttle.before(userId, client);
    if (verdict.refused()) {
      problems.tooManyFailedLogins(request, response, new LoginThrottledException(verdict.delay()));
      return;
    }
    chain.doFilter(form, response);
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(userId, client);
    } else if (status < 300 || status == HttpServletResponse.SC_FORBIDDEN) {
      throttle.succeeded(userId, client, verdict);
    }
  }

  /**
   * The login form, read once to learn the user name and replayed to Camunda's login resource (reading
   * it through {@code getParameter} would leave Jersey a consumed body, and a warning per login).
   */
  static final class FormRequest extends HttpServletRequestWrapper {

    /** A login form is a user name and a password: far below this. */
    private static final int MAX_BYTES = 16 * 1024;

    private final byte[] body;

    private FormRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    static FormRequest read(HttpServletRequest request) throws IOException {
      return new FormRequest(request, request.getInputStream().readNBytes(MAX_BYTES));
    }

    String parameter(String name) {
      for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the login form is read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
