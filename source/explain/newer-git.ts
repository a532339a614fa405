// Commands and options the lessons mention that older git lacks, as data: the tutor explains them
// from the state, and explain from git's "is not a git command".

/** Commands and options the lessons mention that older git lacks, and the older way to the same end. */
export const newerGit: Array<{command: string; option?: string; since: string; instead: string}> = [
	{command: 'switch', since: '2.23', instead: 'git checkout BRANCH (git checkout -b NAME makes a new branch)'},
	{command: 'restore', since: '2.23', instead: 'git reset FILE to take a file out of the box, or git checkout -- FILE to undo changes on the desk'},
	{command: 'push', option: '--force-if-includes', since: '2.30', instead: 'git pull --rebase before git push --force-with-lease'},
];
