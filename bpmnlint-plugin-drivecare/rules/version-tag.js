const { is } = require('bpmnlint-utils');

// An executable process carries camunda:versionTag, so Cockpit and reports tell versions apart.
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:Process') && node.isExecutable && !node.get('camunda:versionTag')) {
      reporter.report(node.id, 'Executable process has no camunda:versionTag');
    }
  }
  return { check };
};
