# SPDX-License-Identifier: LGPL-2.1-or-later
# transcript.py: an Ansible stdout callback that prints what each task of
# a playbook answered, in a form two runs can be compared in: the task's
# name, how it ended, then its result as sorted, indented JSON. Ansible's
# bookkeeping (the module's arguments, which name the daemon's socket,
# and Python tracebacks, which name Ansible's temporary files) is left
# out; what the module answered (its values, its msg) is all kept.
import json

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = '''
    name: transcript
    type: stdout
    short_description: each task's result as sorted JSON, for comparison
    description:
      - Prints each task's name, outcome and result without invocation,
        tracebacks or Ansible's internal keys.
'''

# Keys of a result that describe how Ansible ran the module, not what
# the module answered.
BOOKKEEPING = ('invocation', 'exception', 'module_stdout', 'module_stderr')


def answer(result):
    return {key: value for key, value in result.items()
            if key not in BOOKKEEPING and not key.startswith('_ansible')}


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'stdout'
    CALLBACK_NAME = 'transcript'

    def record(self, result, outcome):
        body = answer(result._result)
        if outcome == 'ok' and body.get('changed'):
            outcome = 'changed'
        print('== %s: %s' % (result._task.get_name(), outcome))
        print(json.dumps(body, sort_keys=True, indent=1))

    def v2_runner_on_ok(self, result):
        self.record(result, 'ok')

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self.record(result, 'failed')

    def v2_runner_on_skipped(self, result):
        self.record(result, 'skipped')

    def v2_runner_on_unreachable(self, result):
        self.record(result, 'unreachable')

    def v2_playbook_on_stats(self, stats):
        totals = stats.summarize('localhost')
        print('== totals: ' + ' '.join('%s=%d' % (key, totals[key])
                                       for key in sorted(totals)))
