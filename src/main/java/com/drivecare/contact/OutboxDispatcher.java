package com.drivecare.contact;

import com.drivecare.contact.OutboxRepository.Scope;
import com.drivecare.customer.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Every node of a cluster runs one, with one worker per channel that drains
 * while anything is due and sleeps ({@code poll-interval}) only when nothing is:
 * <ol>
 *   <li><b>claim</b> — up to {@code batch-size} due messages of the channel in one short transaction
 *       ({@code FOR UPDATE SKIP LOCKED}, so nodes never claim the same row), urgent ones before a
 *       campaign's bulk, each leased to this round for {@code lease}; with a rate limit, no more than
 *       the channel's cluster-wide token bucket allows;</li>
 *   <li><b>send</b> — the batch split over the channel's bounded pool of senders (SMTP connections
 *       carrying many messages each, a keep-alive HTTP client, the print batch in one go);</li>
 *   <li><b>record</b> — every outcome of the round in one transaction of batched statements:
 *       delivered rows and their contact-log entries, failed attempts (retried with exponential
 *       backoff, FAILED after {@code max-attempts} — visible at {@code /api/outbox?status=FAILED} until
 *       an operator retries), and messages the provider deferred (429/5xx: retried later, the channel
 *       pauses, no attempt used). If the database is unreachable after a successful send, the
 *       recording is retried; a send is never counted as a failure.</li>
 * </ol>
 * A node that dies mid-round leaves leases that run out; another node then sends those messages
 * again — with the same Message-ID / SMS reference — and records the second send as a re-send
 * (attempts, and a timeline entry that says so).
 */
@Component
public class OutboxDispatcher implements SmartLifecycle, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.SMS, Channel.LETTER);
  private static final int RECORD_TRIES = 5;

  private final OutboxRepository outbox;
  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
  private final ContactLog contactLog;
  private final NotificationProperties properties;
  private final NotificationProperties.Dispatcher settings;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final String node;
  private final MeterRegistry meters;
  private final Map<Channel, ExecutorService> pools = new EnumMap<>(Channel.class);
  private final Map<Channel, Pause> pausedUntil = new ConcurrentHashMap<>();
  private final Map<Channel, Boolean> bucketReady = new ConcurrentHashMap<>();
  private final AtomicLong rounds = new AtomicLong();
  private final Map<Channel, RateMeter> deliveredRate = new EnumMap<>(Channel.class);
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;
  private volatile DepthSnapshot depth;

  @Autowired
  OutboxDispatcher(OutboxRepository outbox, List<ChannelSender> senders, ContactLog contactLog,
      NotificationProperties properties, TransactionTemplate transaction, Clock clock,
      @Value("${drivecare.node-id:local}") String node, MeterRegistry meters) {
    this(outbox, senders, contactLog, properties, transaction, clock, node + "-" + ProcessHandle.current().pid(),
        meters, true);
  }

  /** A dispatcher under the given node id; {@code gauges} false for a second one in the same JVM (tests). */
  OutboxDispatcher(OutboxRepository outbox, List<ChannelSender> senders, ContactLog contactLog,
      NotificationProperties properties, TransactionTemplate transaction, Clock clock, String node,
      MeterRegistry meters, boolean gauges) {
    this.outbox = outbox;
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.contactLog = contactLog;
    this.properties = properties;
    this.settings = properties.dispatcher();
    this.transaction = transaction;
    this.clock = clock;
    this.node = node;
    this.meters = meters;
    for (Channel channel : CHANNELS) {
      AtomicInteger n = new AtomicInteger();
      pools.put(channel, Executors.newFixedThreadPool(properties.concurrency(channel), r -> {
        Thread t = new Thread(r, "outbox-" + channel.name().toLowerCase() + "-sender-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      }));
      deliveredRate.put(channel, new RateMeter());
    }
    if (gauges) {
      registerGauges();
    }
  }

  // ---- draining ----------------------------------------------------------------------------

  /** Delivers everything that is due now, channel by channel, until nothing is; returns how many were delivered. */
  public int dispatchDue() {
    return dispatchDue(Scope.ALL);
  }

  /**
   * Delivers those of the given messages that are due now; every other message keeps its turn (a
   * test's own messages, whatever else the shared outbox holds). Returns how many were delivered.
   */
  public int dispatchDue(Collection<Long> messageIds) {
    return dispatchDue(Scope.of(messageIds));
  }

  /** Delivers the messages of one case (business key) that are due now; every other message keeps its turn. */
  public int dispatchDueOf(String businessKey) {
    return dispatchDue(Scope.ofCase(businessKey));
  }

  private int dispatchDue(Scope scope) {
    if (scope.isEmpty()) {
      return 0;
    }
    int delivered = 0;
    for (Channel channel : CHANNELS) {
      while (true) {
        Round round = dispatchRound(channel, scope);
        delivered += round.delivered();
        if (round.claimed() == 0 || round.deferred() > 0) {
          break;
        }
      }
    }
    return delivered;
  }

  /** What one round of a channel did. */
  record Round(int claimed, int delivered, int deferred, boolean rateLimited) {
    static final Round NOTHING = new Round(0, 0, 0, false);
  }

  /** One claim–send–record round of a channel. */
  Round dispatchRound(Channel channel) {
    return dispatchRound(channel, Scope.ALL);
  }

  private Round dispatchRound(Channel channel, Scope scope) {
    ChannelSender sender = senders.get(channel);
    Instant now = clock.instant();
    Pause paused = pausedUntil.get(channel);
    if (sender == null || (paused != null && paused.holds(now))) {
      return Round.NOTHING;
    }
    double rate = properties.ratePerSecond(channel);
    if (rate > 0 && bucketReady.putIfAbsent(channel, true) == null) {
      transaction.executeWithoutResult(s -> outbox.ensureRateBucket(channel, now));
    }
    String token = node + ":" + rounds.incrementAndGet();
    OutboxRepository.Claim claim = transaction.execute(s ->
        outbox.claim(channel, settings.batchSize(), rate, token, now, now.plus(settings.lease()), scope));
    if (claim.messages().isEmpty()) {
      return new Round(0, 0, 0, claim.rateLimited());
    }
    List<ChannelSender.Outcome> outcomes = send(sender, claim.messages());
    return record(channel, token, claim.messages(), outcomes);
  }

  /** Splits the batch over the channel's senders; one outcome per message, in order. */
  private List<ChannelSender.Outcome> send(ChannelSender sender, List<OutboxMessage> messages) {
    Channel channel = sender.channel();
    int concurrency = properties.concurrency(channel);
    int group = Math.max(1, (messages.size() + concurrency - 1) / concurrency);
    if (channel == Channel.EMAIL) {
      group = Math.max(1, Math.min(group, properties.email().messagesPerConnection()));
    }
    if (channel == Channel.LETTER) {
      group = messages.size();
    }
    List<List<OutboxMessage>> groups = new ArrayList<>();
    for (int i = 0; i < messages.size(); i += group) {
      groups.add(messages.subList(i, Math.min(messages.size(), i + group)));
    }
    List<Future<List<ChannelSender.Outcome>>> futures = new ArrayList<>(groups.size());
    for (List<OutboxMessage> g : groups) {
      futures.add(pools.get(channel).submit(() -> sender.deliverAll(g)));
    }
    List<ChannelSender.Outcome> outcomes = new ArrayList<>(messages.size());
    boolean interrupted = false;
    for (int i = 0; i < futures.size(); i++) {
      List<ChannelSender.Outcome> result = null;
      while (true) {
        try {
          // sends in flight finish (within their timeouts) even when the node shuts down, so that
          // what they did is recorded
          result = futures.get(i).get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          LOG.error("Sender of {} failed unexpectedly", channel, e.getCause());
          break;
        }
      }
      int size = groups.get(i).size();
      if (result == null || result.size() != size) {
        // nothing known about this group: left to its lease, never counted as sent or failed
        result = new ArrayList<>();
        for (int k = 0; k < size; k++) {
          result.add(new ChannelSender.Outcome.Unknown("sender did not report"));
        }
      }
      outcomes.addAll(result);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return outcomes;
  }

  /** Records every outcome of a round in one transaction, retried while the database is away. */
  private Round record(Channel channel, String token, List<OutboxMessage> messages, List<ChannelSender.Outcome> outcomes) {
    Instant now = clock.instant();
    Map<String, List<OutboxMessage>> sentByBatch = new LinkedHashMap<>();
    List<OutboxRepository.FailedAttempt> failures = new ArrayList<>();
    Map<Instant, List<Long>> deferred = new LinkedHashMap<>();
    Map<Instant, String> deferReasons = new LinkedHashMap<>();
    int failedForGood = 0;
    for (int i = 0; i < messages.size(); i++) {
      OutboxMessage message = messages.get(i);
      ChannelSender.Outcome outcome = outcomes.get(i);
      if (outcome instanceof ChannelSender.Outcome.Delivered d) {
        sentByBatch.computeIfAbsent(d.printBatch() == null ? "" : d.printBatch(), b -> new ArrayList<>()).add(message);
      } else if (outcome instanceof ChannelSender.Outcome.Failed f) {
        boolean last = message.attempts() >= settings.maxAttempts();
        Instant next = now.plus(backoff(message.attempts()));
        failures.add(new OutboxRepository.FailedAttempt(message.id(),
            last ? OutboxMessage.Status.FAILED : OutboxMessage.Status.PENDING, next, f.error()));
        if (last) {
          failedForGood++;
          LOG.error("Notification {} to customer {} failed for good after {} attempts: {}", message.id(),
              message.customerId(), message.attempts(), f.error());
        } else {
          LOG.warn("Notification {} attempt {} failed, next at {}: {}", message.id(), message.attempts(), next, f.error());
        }
      } else if (outcome instanceof ChannelSender.Outcome.Deferred d) {
        Instant at = now.plus(d.retryAfter() == null ? settings.throttleBackoff() : d.retryAfter());
        deferred.computeIfAbsent(at, a -> new ArrayList<>()).add(message.id());
        deferReasons.putIfAbsent(at, d.reason());
      }
    }
    List<Long> recorded = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      try {
        recorded = transaction.execute(s -> {
          List<Long> owned = new ArrayList<>();
          List<ContactLog.Entry> entries = new ArrayList<>();
          sentByBatch.forEach((batch, sent) -> {
            List<Long> mine = outbox.markSent(sent.stream().map(OutboxMessage::id).toList(), token, now,
                batch.isEmpty() ? null : batch);
            owned.addAll(mine);
            var mineSet = new HashSet<>(mine);
            sent.stream().filter(m -> mineSet.contains(m.id()) && m.customerId() != null)
                .forEach(m -> entries.add(timelineEntry(m)));
          });
          // staff notifications (no customer) are not part of a customer's timeline
          contactLog.recordAll(entries);
          outbox.markFailedAttempts(failures, token);
          deferred.forEach((at, ids) -> outbox.defer(ids, token, at, deferReasons.get(at)));
          return owned;
        });
        break;
      } catch (DataAccessException | TransactionException e) {
        if (attempt >= RECORD_TRIES) {
          // the messages stay leased: when the lease runs out they are sent again and recorded as re-sent
          LOG.error("Could not record the outcome of {} {} notifications ({}); their lease will run out and they "
              + "will be re-sent", messages.size(), channel, e.getMessage());
          return new Round(messages.size(), 0, 0, false);
        }
        LOG.warn("Recording the outcome of {} {} notifications failed (try {} of {}): {}", messages.size(), channel,
            attempt, RECORD_TRIES, e.getMessage());
        sleep(Duration.ofMillis(500L << attempt));
      }
    }
    int deferredCount = deferred.values().stream().mapToInt(List::size).sum();
    if (deferredCount > 0) {
      Instant until = deferred.keySet().stream().max(Instant::compareTo).orElse(now);
      pausedUntil.merge(channel, new Pause(now, until), (a, b) -> a.until().isAfter(b.until()) ? a : b);
      LOG.warn("{} {} notifications deferred, the channel pauses until {}: {}", deferredCount, channel, until,
          deferReasons.values().iterator().next());
      counter("drivecare.notifications.deferred", channel).increment(deferredCount);
    }
    counter("drivecare.notifications.delivered", channel).increment(recorded.size());
    deliveredRate.get(channel).add(recorded.size());
    counter("drivecare.notifications.failed-attempts", channel).increment(failures.size());
    if (failedForGood > 0) {
      counter("drivecare.notifications.failed", channel).increment(failedForGood);
    }
    return new Round(messages.size(), recorded.size(), deferredCount, false);
  }

  private static ContactLog.Entry timelineEntry(OutboxMessage m) {
    String what = m.template() + ": " + (m.subject() == null ? "" : m.subject());
    String note = m.interrupted()
        ? "re-sent (attempt " + m.attempts() + "): an earlier send was interrupted and may have reached the customer too — "
            + what
        : what;
    return new ContactLog.Entry(m.businessKey(), m.customerId(), m.channel(), Direction.OUTBOUND, "drivecare",
        "DELIVERED", note);
  }

  private Counter counter(String name, Channel channel) {
    return meters.counter(name, "channel", channel.name());
  }

  Duration backoff(int attempts) {
    Duration backoff = settings.initialBackoff().multipliedBy(1L << Math.min(Math.max(0, attempts - 1), 20));
    return backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff;
  }

  /** A channel slowed down by its provider, from {@code since} until {@code until}. */
  private record Pause(Instant since, Instant until) {
    boolean holds(Instant now) {
      // a clock set back (tests) before the pause began lifts it
      return now.isBefore(until) && !now.isBefore(since);
    }
  }

  /** Lifts every channel's pause (tests that move the clock back). */
  void resume() {
    pausedUntil.clear();
  }

  // ---- workers -----------------------------------------------------------------------------

  @Override
  public void start() {
    if (!settings.enabled() || running) {
      return;
    }
    startWorkers();
    LOG.info("Outbox dispatcher {} started: batches of {}, senders {}", node, settings.batchSize(),
        CHANNELS.stream().map(c -> c + "×" + properties.concurrency(c)).toList());
  }

  /** Starts the workers whatever the configuration says (tests that run two nodes). */
  synchronized void startWorkers() {
    if (!workers.isEmpty()) {
      return;
    }
    running = true;
    for (Channel channel : CHANNELS) {
      if (!senders.containsKey(channel)) {
        continue;
      }
      for (int i = 1; i <= Math.max(1, settings.roundsPerChannel()); i++) {
        Thread worker = new Thread(() -> drain(channel), "outbox-" + channel.name().toLowerCase() + "-" + i);
        worker.setDaemon(true);
        workers.add(worker);
        worker.start();
      }
    }
  }

  /** A channel's worker: rounds back to back while there is work, a nap when there is none. */
  private void drain(Channel channel) {
    while (running) {
      try {
        Round round = dispatchRound(channel);
        if (round.claimed() == 0) {
          Pause paused = pausedUntil.get(channel);
          Duration nap = settings.pollInterval();
          if (round.rateLimited()) {
            nap = Duration.ofMillis(Math.max(10, Math.min(nap.toMillis(), 200)));
          } else if (paused != null && paused.holds(clock.instant())) {
            Duration left = Duration.between(clock.instant(), paused.until());
            nap = left.compareTo(nap) < 0 ? left : nap;
          }
          sleep(nap);
        }
      } catch (RuntimeException e) {
        LOG.warn("Outbox round for {} failed: {}", channel, e.getMessage());
        sleep(settings.pollInterval());
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(Math.max(1, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    for (Thread worker : workers) {
      worker.interrupt();
    }
    for (Thread worker : workers) {
      try {
        worker.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public void destroy() {
    stop();
    pools.values().forEach(ExecutorService::shutdownNow);
  }

  // ---- metrics -----------------------------------------------------------------------------

  private void registerGauges() {
    for (OutboxMessage.Status status : List.of(OutboxMessage.Status.PENDING, OutboxMessage.Status.SENDING,
        OutboxMessage.Status.FAILED)) {
      Gauge.builder("drivecare.outbox.messages", this, d -> d.depth().count(status, null))
          .tag("status", status.name()).description("Notifications in the outbox by status (delivered ones: "
              + "drivecare.notifications.delivered)").register(meters);
    }
    for (Channel channel : CHANNELS) {
      Gauge.builder("drivecare.outbox.depth", this, d -> d.depth().queued(channel))
          .tag("channel", channel.name()).description("Notifications waiting for delivery (pending or being sent)")
          .register(meters);
      Gauge.builder("drivecare.outbox.oldest.due", this, d -> d.depth().oldestDueSeconds(channel, d.clock.instant()))
          .tag("channel", channel.name()).baseUnit("seconds")
          .description("How long the oldest due notification has been waiting").register(meters);
      Gauge.builder("drivecare.outbox.drain.time", this, d -> d.drainSeconds(channel))
          .tag("channel", channel.name()).baseUnit("seconds")
          .description("Expected time to deliver the queue at this node's delivery rate of the last minute")
          .register(meters);
    }
  }

  /** The outbox's depth from one query, shared by every gauge of a scrape (kept for five seconds). */
  DepthSnapshot depth() {
    DepthSnapshot snapshot = depth;
    if (snapshot == null || System.nanoTime() - snapshot.takenAt() > Duration.ofSeconds(5).toNanos()) {
      snapshot = new DepthSnapshot(outbox.depth(), System.nanoTime());
      depth = snapshot;
    }
    return snapshot;
  }

  private double drainSeconds(Channel channel) {
    double queued = depth().queued(channel);
    if (queued == 0) {
      return 0;
    }
    double rate = deliveredRate.get(channel).perSecond();
    return rate > 0 ? queued / rate : Double.NaN;
  }

  record DepthSnapshot(List<OutboxRepository.Depth> rows, long takenAt) {

    double count(OutboxMessage.Status status, Channel channel) {
      return rows.stream().filter(r -> r.status() == status && (channel == null || r.channel() == channel))
          .mapToLong(OutboxRepository.Depth::count).sum();
    }

    double queued(Channel channel) {
      return count(OutboxMessage.Status.PENDING, channel) + count(OutboxMessage.Status.SENDING, channel);
    }

    /** Seconds since the earliest pending message of the channel became due; 0 when none is due. */
    double oldestDueSeconds(Channel channel, Instant now) {
      return rows.stream().filter(r -> r.status() == OutboxMessage.Status.PENDING && r.channel() == channel)
          .map(OutboxRepository.Depth::oldestDue).filter(t -> t != null && t.isBefore(now))
          .mapToDouble(t -> Duration.between(t, now).toMillis() / 1000.0).max().orElse(0);
    }
  }

  /** Messages per second over the last minute or so, on this node. */
  private static final class RateMeter {
    private final AtomicLong total = new AtomicLong();
    private long markCount;
    private long markAt = System.nanoTime();
    private double perSecond;

    void add(long n) {
      total.addAndGet(n);
    }

    synchronized double perSecond() {
      long now = System.nanoTime();
      if (now - markAt >= Duration.ofSeconds(15).toNanos()) {
        long count = total.get();
        double measured = (count - markCount) * 1e9 / (now - markAt);
        perSecond = perSecond == 0 ? measured : 0.5 * perSecond + 0.5 * measured;
        markCount = count;
        markAt = now;
      }
      return perSecond;
    }
  }
}
