const { isAny } = require('bpmnlint-utils');

// Java code is reached through Spring beans (camunda:delegateExpression="${bean}"), never by
// class name: a class name ties the diagram to a package and skips Spring's wiring.
module.exports = function() {
  function check(node, reporter) {
    if (!isAny(node, ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask', 'bpmn:IntermediateThrowEvent',
      'bpmn:EndEvent'])) {
      return;
    }
    if (node.get('camunda:class')) {
      reporter.report(node.id, 'Uses camunda:class; call a Spring bean with camunda:delegateExpression instead');
    }
    ((node.extensionElements && node.extensionElements.values) || []).forEach(listener => {
      if (listener.class) {
        reporter.report(node.id, 'A listener uses a class name; use delegateExpression');
      }
    });
  }
  return { check };
};
