// The commands (and sub-commands) whose option names scripts/git-option-names.js collects.
export const allowedCommandPaths = [
	'status', 'add', 'rm', 'mv', 'restore', 'reset', 'commit', 'branch', 'switch', 'checkout', 'merge', 'rebase',
	'cherry-pick', 'revert', 'tag', 'push', 'fetch', 'pull', 'ls-files', 'ls-remote', 'rev-parse', 'cat-file',
	'describe', 'shortlog', 'blame', 'grep', 'clean', 'clone', 'init', 'config', 'reflog', 'remote', 'stash',
	'log', 'show', 'diff', 'version', 'help',
	'remote add', 'remote rename', 'remote remove', 'remote rm', 'remote set-url', 'remote get-url', 'remote show', 'remote prune', 'remote update', 'remote set-head', 'remote set-branches',
	'stash push', 'stash save', 'stash list', 'stash show', 'stash pop', 'stash apply', 'stash drop', 'stash clear', 'stash branch',
	'config get', 'config set', 'config unset', 'config list', 'config rename-section', 'config remove-section',
	'reflog show', 'reflog exists',
].map(text => text.split(' '));
