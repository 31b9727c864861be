const { is } = require('bpmnlint-utils');

// Every user task has a Camunda Form deployed with the diagram: the form is what Tasklist shows
// and the contract of what a person may set when he completes the task.
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const formRef = node.get('camunda:formRef');
    if (!formRef) {
      reporter.report(node.id, 'User task has no Camunda Form (camunda:formRef)');
    } else if (node.get('camunda:formRefBinding') !== 'deployment') {
      reporter.report(node.id, 'User task form must be bound to the deployment (camunda:formRefBinding="deployment")');
    }
  }
  return { check };
};
