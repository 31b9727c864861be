// Drivecare's diagram house rules (bpmn/README.md), run by `npx bpmnlint` in CI and by anyone
// who lints the diagrams: `.bpmnlintrc` extends `plugin:drivecare/recommended`.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'meaningful-ids': 'error',
        'delegate-expression': 'error',
        'user-task-form': 'error',
        'version-tag': 'error',
        'gateway-default': 'error'
      }
    }
  },
  rules: {
    'meaningful-ids': './rules/meaningful-ids',
    'delegate-expression': './rules/delegate-expression',
    'user-task-form': './rules/user-task-form',
    'version-tag': './rules/version-tag',
    'gateway-default': './rules/gateway-default'
  }
};
