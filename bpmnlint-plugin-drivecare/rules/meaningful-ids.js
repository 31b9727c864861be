const { is } = require('bpmnlint-utils');

// The id the Modeler generates (Activity_0x9abcd, Flow_1k2l3m4, Gateway_0abc123): the analyst
// meant to name it. Ids are meaningful and typed: Task_CallCustomer, Gateway_CallOutcome.
const GENERATED = /^[A-Za-z]+_[0-9a-z]{7}$/;

module.exports = function() {
  function check(node, reporter) {
    if (!(is(node, 'bpmn:FlowElement') || is(node, 'bpmn:Process')) || !node.id) {
      return;
    }
    if (GENERATED.test(node.id)) {
      reporter.report(node.id, 'Element has a generated id; give it a meaningful, typed one (e.g. Task_CallCustomer)');
    }
  }
  return { check };
};
