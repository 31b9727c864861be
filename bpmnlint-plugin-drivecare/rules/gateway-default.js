const { isAny } = require('bpmnlint-utils');

// A diverging exclusive or inclusive gateway names its default flow: a value nobody expected
// takes the path the analyst chose for "otherwise", instead of stranding the token in an error.
module.exports = function() {
  function check(node, reporter) {
    if (!isAny(node, ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'])) {
      return;
    }
    if ((node.outgoing || []).length > 1 && !node.default) {
      reporter.report(node.id, 'Diverging gateway has no default flow: choose the path for any other value');
    }
  }
  return { check };
};
