// The git commands the tutor runs, and for each the options it accepts, in git's own grammar:
// which take a value and what kind of value. Data only; git-policy.ts reads a typed line against
// it and rebuilds the line git receives. Anything not listed here does not run.

/**
 * What an option's value (or a command's word) may be:
 * text: anything (a label); word: anything not starting with '-'; ref: a branch, tag or box;
 * remote: a remote's name; number: digits; file-in: a file inside ~/shipment git reads;
 * file-out: a file inside ~/shipment, outside git's storage, that git writes; a list: one of those words.
 */
export type ValueKind = 'text' | 'word' | 'ref' | 'remote' | 'number' | 'file-in' | 'file-out' | readonly string[];

export type OptionRule = {
	/** Its one-letter spelling (-m for --message). */
	short?: string;
	/** Takes a value: `--name=VALUE`, `--name VALUE`, `-xVALUE`, `-x VALUE`. */
	value?: ValueKind;
	/** Takes a value only when attached (`--decorate=short`), as git reads optional values. */
	optional?: ValueKind;
};

/**
 * What the words that are not options are:
 * paths: pathspecs inside ~/shipment; revisions: boxes, branches, tags (and paths after --);
 * repository: a remote, `.` or the online address, then refs; remote-url: a name, then the online address;
 * none: no words at all.
 */
export type Words = 'paths' | 'revisions' | 'repository' | 'remote-url' | 'none';

export type CommandRule = {
	options: Readonly<Record<string, OptionRule>>;
	words: Words;
	/** Sub-commands (git remote add), each with its own options and words. */
	subcommands?: Readonly<Record<string, CommandRule>>;
	/** Git reads these options only in full (log, show and diff take no abbreviations). */
	exact?: boolean;
	/** Options that would wait for keys the tutor cannot pass on. */
	interactive?: readonly string[];
};

const quiet: Record<string, OptionRule> = {'--quiet': {short: 'q'}};
const verbose: Record<string, OptionRule> = {'--verbose': {short: 'v'}};
const color: Record<string, OptionRule> = {'--color': {optional: ['always', 'never', 'auto']}, '--no-color': {}};

/** How a change is shown: diff, show, log -p, stash show. */
const diffOptions: Record<string, OptionRule> = {
	'--patch': {short: 'p'}, '-u': {}, '--no-patch': {short: 's'}, '--stat': {optional: 'word'}, '--shortstat': {}, '--numstat': {},
	'--compact-summary': {}, '--summary': {}, '--name-only': {}, '--name-status': {}, '--raw': {}, '--dirstat': {optional: 'word'},
	'--unified': {short: 'U', optional: 'number'}, '--function-context': {short: 'W'}, '--minimal': {}, '--patience': {}, '--histogram': {},
	'--diff-algorithm': {value: ['default', 'myers', 'minimal', 'patience', 'histogram']},
	'--ignore-all-space': {short: 'w'}, '--ignore-space-change': {short: 'b'}, '--ignore-space-at-eol': {}, '--ignore-blank-lines': {},
	'--ignore-cr-at-eol': {}, '--word-diff': {optional: ['color', 'plain', 'porcelain', 'none']}, '--color-words': {optional: 'word'},
	'--color-moved': {optional: 'word'}, '--no-renames': {}, '--find-renames': {short: 'M', optional: 'word'}, '--find-copies': {short: 'C', optional: 'word'},
	'--diff-filter': {value: 'word'}, '--text': {short: 'a'}, '--check': {}, '--full-index': {}, '--binary': {}, '--abbrev': {optional: 'number'},
	'--no-abbrev': {}, '--exit-code': {}, '--quiet': {}, '--relative': {optional: 'word'}, '--no-relative': {}, '--src-prefix': {value: 'word'},
	'--dst-prefix': {value: 'word'}, '--no-prefix': {}, '--output': {value: 'file-out'}, ...color,
};

/** Which boxes a listing walks and how it shows them: log, shortlog, reflog. */
const revisionOptions: Record<string, OptionRule> = {
	'--max-count': {short: 'n', value: 'number'}, '--skip': {value: 'number'}, '--all': {}, '--branches': {optional: 'word'},
	'--tags': {optional: 'word'}, '--remotes': {optional: 'word'}, '--author': {value: 'word'}, '--committer': {value: 'word'},
	'--since': {value: 'word'}, '--after': {value: 'word'}, '--until': {value: 'word'}, '--before': {value: 'word'}, '--grep': {value: 'word'},
	'--regexp-ignore-case': {short: 'i'}, '--invert-grep': {}, '--all-match': {}, '--fixed-strings': {short: 'F'}, '--extended-regexp': {short: 'E'},
	'--merges': {}, '--no-merges': {}, '--first-parent': {}, '--reverse': {}, '--topo-order': {}, '--date-order': {}, '--author-date-order': {},
	'--left-right': {}, '--boundary': {}, '--cherry-pick': {}, '--cherry-mark': {}, '--cherry': {}, '--ancestry-path': {}, '--full-history': {},
	'--simplify-by-decoration': {}, '--walk-reflogs': {short: 'g'}, '--follow': {}, '--no-walk': {optional: ['sorted', 'unsorted']},
	'-S': {value: 'word'}, '-G': {value: 'word'}, '--pickaxe-all': {}, '--pickaxe-regex': {},
};

/** How each box of a listing is printed. */
const prettyOptions: Record<string, OptionRule> = {
	'--oneline': {}, '--graph': {}, '--decorate': {optional: ['short', 'full', 'auto', 'no']}, '--no-decorate': {}, '--format': {value: 'text'},
	'--pretty': {optional: 'text'}, '--abbrev-commit': {}, '--no-abbrev-commit': {}, '--date': {value: 'word'}, '--relative-date': {},
	'--parents': {}, '--children': {}, '--source': {}, '--use-mailmap': {}, '--mailmap': {}, '--no-notes': {}, '--encoding': {value: 'word'},
	'--expand-tabs': {optional: 'number'}, '--no-expand-tabs': {},
};

const logOptions: Record<string, OptionRule> = {...diffOptions, ...revisionOptions, ...prettyOptions, '--no-patch': {}};
const strategy: Record<string, OptionRule> = {
	'--strategy': {short: 's', value: ['ort', 'recursive', 'resolve', 'octopus', 'ours', 'subtree']},
	'--strategy-option': {short: 'X', value: 'word'},
};
const sequencer: Record<string, OptionRule> = {'--continue': {}, '--abort': {}, '--skip': {}, '--quit': {}};
const cleanup: Record<string, OptionRule> = {'--cleanup': {value: ['strip', 'whitespace', 'verbatim', 'scissors', 'default']}};
const pathspecFile: Record<string, OptionRule> = {'--pathspec-from-file': {value: 'file-in'}, '--pathspec-file-nul': {}};
const track: Record<string, OptionRule> = {'--track': {short: 't', optional: ['direct', 'inherit']}, '--no-track': {}};
const merging: Record<string, OptionRule> = {
	'--commit': {}, '--no-commit': {}, '--edit': {short: 'e'}, '--no-edit': {}, ...cleanup, '--ff': {}, '--no-ff': {}, '--ff-only': {},
	'--squash': {}, '--no-squash': {}, '--stat': {}, '--no-stat': {short: 'n'}, '--summary': {}, '--compact-summary': {}, '--log': {optional: 'number'},
	'--no-log': {}, '--signoff': {}, '--no-signoff': {}, '--no-verify': {}, '--verify': {}, '--autostash': {}, '--no-autostash': {},
	'--allow-unrelated-histories': {}, '--progress': {}, '--no-progress': {}, '--rerere-autoupdate': {}, '--no-rerere-autoupdate': {},
	...strategy, ...quiet, ...verbose,
};
const fetching: Record<string, OptionRule> = {
	'--all': {}, '--prune': {short: 'p'}, '--no-prune': {}, '--prune-tags': {short: 'P'}, '--tags': {short: 't'}, '--no-tags': {short: 'n'},
	'--force': {short: 'f'}, '--dry-run': {}, '--depth': {value: 'number'}, '--deepen': {value: 'number'}, '--unshallow': {}, '--progress': {},
	'--no-progress': {}, '--set-upstream': {}, '--append': {short: 'a'}, '--show-forced-updates': {}, ...quiet, ...verbose,
};

export const allowedCommands: Readonly<Record<string, CommandRule>> = {
	status: {words: 'paths', options: {
		'--short': {short: 's'}, '--branch': {short: 'b'}, '--long': {}, '--porcelain': {optional: ['v1', 'v2']}, '--show-stash': {},
		'--untracked-files': {short: 'u', optional: ['no', 'normal', 'all']}, '--ignored': {optional: ['traditional', 'no', 'matching']},
		'--ahead-behind': {}, '--no-ahead-behind': {}, '--renames': {}, '--no-renames': {}, '--null': {short: 'z'}, ...verbose, ...color,
	}},
	add: {words: 'paths', interactive: ['--interactive', '--patch', '--edit'], options: {
		'--interactive': {short: 'i'}, '--patch': {short: 'p'}, '--edit': {short: 'e'},
		'--all': {short: 'A'}, '--update': {short: 'u'}, '--no-all': {}, '--ignore-removal': {}, '--dry-run': {short: 'n'}, '--force': {short: 'f'},
		'--intent-to-add': {short: 'N'}, '--renormalize': {}, '--ignore-errors': {}, '--refresh': {}, ...verbose, ...pathspecFile,
	}},
	rm: {words: 'paths', options: {'--cached': {}, '--force': {short: 'f'}, '-r': {}, '--dry-run': {short: 'n'}, '--ignore-unmatch': {}, ...quiet, ...pathspecFile}},
	mv: {words: 'paths', options: {'--force': {short: 'f'}, '-k': {}, '--dry-run': {short: 'n'}, ...verbose}},
	restore: {words: 'paths', interactive: ['--patch'], options: {
		'--patch': {short: 'p'},
		'--source': {short: 's', value: 'ref'}, '--staged': {short: 'S'}, '--worktree': {short: 'W'}, '--ours': {}, '--theirs': {},
		'--merge': {short: 'm'}, '--conflict': {value: ['merge', 'diff3', 'zdiff3']}, '--ignore-unmerged': {}, '--overlay': {}, '--no-overlay': {},
		'--progress': {}, '--no-progress': {}, ...quiet, ...pathspecFile,
	}},
	reset: {words: 'revisions', interactive: ['--patch'], options: {
		'--patch': {short: 'p'},
		'--soft': {}, '--mixed': {}, '--hard': {}, '--merge': {}, '--keep': {}, '--no-refresh': {}, '--refresh': {}, ...quiet, ...pathspecFile,
	}},
	commit: {words: 'paths', interactive: ['--interactive', '--patch'], options: {
		'--interactive': {}, '--patch': {short: 'p'},
		'--message': {short: 'm', value: 'text'}, '--file': {short: 'F', value: 'file-in'}, '--all': {short: 'a'}, '--amend': {}, '--no-edit': {},
		'--edit': {short: 'e'}, '--allow-empty': {}, '--allow-empty-message': {}, '--author': {value: 'word'}, '--date': {value: 'word'},
		'--reuse-message': {short: 'C', value: 'ref'}, '--fixup': {value: 'ref'}, '--squash': {value: 'ref'}, '--reset-author': {},
		'--signoff': {short: 's'}, '--no-signoff': {}, '--include': {short: 'i'}, '--only': {short: 'o'}, '--no-verify': {short: 'n'}, '--verify': {},
		'--dry-run': {}, '--short': {}, '--branch': {}, '--porcelain': {}, '--long': {}, '--null': {short: 'z'}, '--status': {}, '--no-status': {},
		'--untracked-files': {short: 'u', optional: ['no', 'normal', 'all']}, ...cleanup, ...quiet, ...verbose, ...pathspecFile,
	}},
	log: {words: 'revisions', exact: true, options: logOptions},
	show: {words: 'revisions', exact: true, options: {...logOptions, '--no-patch': {short: 's'}}},
	diff: {words: 'revisions', exact: true, options: {...diffOptions, '--cached': {}, '--staged': {}, '--no-index': {}, '--merge-base': {}, '--ours': {short: '2'}, '--theirs': {short: '3'}, '--base': {short: '1'}}},
	branch: {words: 'revisions', options: {
		...verbose, ...quiet, '--all': {short: 'a'}, '--remotes': {short: 'r'}, '--list': {short: 'l'}, '--show-current': {}, '--delete': {short: 'd'},
		'-D': {}, '--move': {short: 'm'}, '-M': {}, '--copy': {short: 'c'}, '-C': {}, '--force': {short: 'f'}, '--set-upstream-to': {short: 'u', value: 'ref'},
		'--unset-upstream': {}, ...track, '--contains': {optional: 'ref'}, '--no-contains': {optional: 'ref'}, '--merged': {optional: 'ref'},
		'--no-merged': {optional: 'ref'}, '--points-at': {value: 'ref'}, '--sort': {value: 'word'}, '--format': {value: 'text'}, '--ignore-case': {short: 'i'},
		'--abbrev': {optional: 'number'}, '--no-abbrev': {}, '--column': {optional: 'word'}, '--no-column': {}, '--create-reflog': {}, ...color,
	}},
	switch: {words: 'revisions', options: {
		'--create': {short: 'c', value: 'word'}, '--force-create': {short: 'C', value: 'word'}, '--detach': {short: 'd'}, '--guess': {}, '--no-guess': {},
		'--force': {short: 'f'}, '--discard-changes': {}, '--merge': {short: 'm'}, '--conflict': {value: ['merge', 'diff3', 'zdiff3']}, ...track,
		'--orphan': {value: 'word'}, '--progress': {}, '--no-progress': {}, ...quiet,
	}},
	checkout: {words: 'revisions', interactive: ['--patch'], options: {
		'--patch': {short: 'p'},
		'-b': {value: 'word'}, '-B': {value: 'word'}, '--detach': {}, '--force': {short: 'f'}, '--merge': {short: 'm'}, ...track, '--guess': {},
		'--no-guess': {}, '--orphan': {value: 'word'}, '--ours': {short: '2'}, '--theirs': {short: '3'}, '--conflict': {value: ['merge', 'diff3', 'zdiff3']},
		'--overlay': {}, '--no-overlay': {}, '--progress': {}, '--no-progress': {}, ...quiet, ...pathspecFile,
	}},
	merge: {words: 'revisions', options: {...merging, ...sequencer, '--message': {short: 'm', value: 'text'}, '--into-name': {value: 'word'}}},
	rebase: {words: 'revisions', interactive: ['--interactive', '--edit-todo'], options: {
		'--interactive': {short: 'i'}, '--edit-todo': {},
		...sequencer, '--onto': {value: 'ref'}, '--keep-base': {}, '--root': {}, '--merge': {short: 'm'}, '--apply': {}, ...strategy,
		'--force-rebase': {short: 'f'}, '--no-ff': {}, '--autostash': {}, '--no-autostash': {}, '--autosquash': {}, '--no-autosquash': {},
		'--rebase-merges': {short: 'r', optional: ['rebase-cousins', 'no-rebase-cousins']}, '--no-rebase-merges': {}, '--update-refs': {},
		'--no-update-refs': {}, '--fork-point': {}, '--no-fork-point': {}, '--empty': {value: ['drop', 'keep', 'stop', 'ask']},
		'--reapply-cherry-picks': {}, '--no-reapply-cherry-picks': {}, '--committer-date-is-author-date': {}, '--ignore-date': {},
		'--reset-author-date': {}, '--signoff': {}, '--show-current-patch': {}, '--stat': {}, '--no-stat': {short: 'n'}, '--no-verify': {},
		'--verify': {}, '--ignore-whitespace': {}, ...quiet, ...verbose,
	}},
	'cherry-pick': {words: 'revisions', options: {
		...sequencer, '--no-commit': {short: 'n'}, '--edit': {short: 'e'}, '--no-edit': {}, '-x': {}, '--signoff': {short: 's'}, '--mainline': {short: 'm', value: 'number'},
		'--ff': {}, '--allow-empty': {}, '--allow-empty-message': {}, '--keep-redundant-commits': {}, '--empty': {value: ['drop', 'keep', 'stop']},
		...cleanup, ...strategy, '--rerere-autoupdate': {}, '--no-rerere-autoupdate': {},
	}},
	revert: {words: 'revisions', options: {
		...sequencer, '--no-commit': {short: 'n'}, '--edit': {short: 'e'}, '--no-edit': {}, '--signoff': {short: 's'}, '--mainline': {short: 'm', value: 'number'},
		...cleanup, ...strategy, '--rerere-autoupdate': {}, '--no-rerere-autoupdate': {},
	}},
	tag: {words: 'revisions', options: {
		'--annotate': {short: 'a'}, '--message': {short: 'm', value: 'text'}, '--delete': {short: 'd'}, '--list': {short: 'l'}, '--force': {short: 'f'},
		'-n': {optional: 'number'}, '--contains': {optional: 'ref'}, '--no-contains': {optional: 'ref'}, '--merged': {optional: 'ref'},
		'--no-merged': {optional: 'ref'}, '--points-at': {optional: 'ref'}, '--sort': {value: 'word'}, '--format': {value: 'text'},
		'--ignore-case': {short: 'i'}, '--column': {optional: 'word'}, '--no-column': {}, '--create-reflog': {}, ...cleanup, ...color,
	}},
	push: {words: 'repository', options: {
		'--set-upstream': {short: 'u'}, '--force': {short: 'f'}, '--force-with-lease': {optional: 'ref'}, '--no-force-with-lease': {},
		'--force-if-includes': {}, '--no-force-if-includes': {}, '--tags': {}, '--follow-tags': {}, '--no-follow-tags': {}, '--all': {},
		'--branches': {}, '--delete': {short: 'd'}, '--dry-run': {short: 'n'}, '--porcelain': {}, '--prune': {}, '--atomic': {}, '--no-atomic': {},
		'--no-verify': {}, '--verify': {}, '--progress': {}, '--no-progress': {}, '--push-option': {short: 'o', value: 'word'}, ...quiet, ...verbose,
	}},
	fetch: {words: 'repository', options: fetching},
	pull: {words: 'repository', options: {
		...merging, ...fetching, '--rebase': {short: 'r', optional: ['true', 'false', 'merges']}, '--no-rebase': {},
		'--stat': {}, '--no-stat': {short: 'n'}, '--no-tags': {},
	}},
	remote: {words: 'none', options: verbose, subcommands: {
		add: {words: 'remote-url', options: {
			'--fetch': {short: 'f'}, '--no-fetch': {}, '--tags': {}, '--no-tags': {}, '--track': {short: 't', value: 'word'}, '--master': {short: 'm', value: 'word'},
		}},
		rename: {words: 'revisions', options: {'--progress': {}, '--no-progress': {}}},
		remove: {words: 'revisions', options: {}},
		rm: {words: 'revisions', options: {}},
		'set-url': {words: 'remote-url', options: {'--add': {}, '--delete': {}}},
		'get-url': {words: 'revisions', options: {'--push': {}, '--all': {}}},
		show: {words: 'revisions', options: {'-n': {}}},
		prune: {words: 'revisions', options: {'--dry-run': {short: 'n'}}},
		update: {words: 'revisions', options: {'--prune': {short: 'p'}}},
		'set-head': {words: 'revisions', options: {'--auto': {short: 'a'}, '--delete': {short: 'd'}}},
		'set-branches': {words: 'revisions', options: {'--add': {}}},
	}},
	reflog: {words: 'revisions', exact: true, options: {...revisionOptions, ...prettyOptions}, subcommands: {
		show: {words: 'revisions', exact: true, options: {...revisionOptions, ...prettyOptions}},
		exists: {words: 'revisions', options: {}},
	}},
	stash: {words: 'paths', options: {
		'--include-untracked': {short: 'u'}, '--no-include-untracked': {}, '--keep-index': {short: 'k'}, '--no-keep-index': {}, '--all': {short: 'a'},
		'--message': {short: 'm', value: 'text'}, '--staged': {short: 'S'}, '--patch': {short: 'p'}, ...quiet, ...pathspecFile,
	}, interactive: ['--patch'], subcommands: {
		push: {words: 'paths', interactive: ['--patch'], options: {
			'--patch': {short: 'p'},
			'--include-untracked': {short: 'u'}, '--no-include-untracked': {}, '--keep-index': {short: 'k'}, '--no-keep-index': {}, '--all': {short: 'a'},
			'--message': {short: 'm', value: 'text'}, '--staged': {short: 'S'}, ...quiet, ...pathspecFile,
		}},
		save: {words: 'revisions', options: {'--include-untracked': {short: 'u'}, '--keep-index': {short: 'k'}, '--no-keep-index': {}, '--all': {short: 'a'}, ...quiet}},
		list: {words: 'revisions', exact: true, options: {...prettyOptions, ...diffOptions}},
		show: {words: 'revisions', exact: true, options: {...diffOptions, '--include-untracked': {short: 'u'}, '--only-untracked': {}}},
		pop: {words: 'revisions', options: {'--index': {}, ...quiet}},
		apply: {words: 'revisions', options: {'--index': {}, ...quiet}},
		drop: {words: 'revisions', options: quiet},
		clear: {words: 'none', options: {}},
		branch: {words: 'revisions', options: {}},
	}},
	clean: {words: 'paths', interactive: ['--interactive'], options: {
		'--interactive': {short: 'i'},
		'--dry-run': {short: 'n'}, '--force': {short: 'f'}, '-d': {}, '-x': {}, '-X': {}, '--exclude': {short: 'e', value: 'word'}, ...quiet,
	}},
	'ls-files': {words: 'paths', options: {
		'--cached': {short: 'c'}, '--deleted': {short: 'd'}, '--modified': {short: 'm'}, '--others': {short: 'o'}, '--ignored': {short: 'i'},
		'--stage': {short: 's'}, '--unmerged': {short: 'u'}, '--killed': {short: 'k'}, '--directory': {}, '--no-empty-directory': {},
		'--exclude-standard': {}, '--exclude': {short: 'x', value: 'word'}, '--full-name': {}, '-z': {}, '-t': {}, '-v': {}, '--eol': {},
		'--error-unmatch': {}, '--abbrev': {optional: 'number'}, '--format': {value: 'text'}, '--deduplicate': {},
	}},
	'ls-remote': {words: 'repository', options: {
		'--heads': {short: 'h'}, '--branches': {short: 'b'}, '--tags': {short: 't'}, '--refs': {}, '--symref': {}, '--sort': {value: 'word'}, '--get-url': {}, ...quiet,
	}},
	'rev-parse': {words: 'revisions', exact: true, options: {
		'--git-dir': {}, '--absolute-git-dir': {}, '--show-toplevel': {}, '--show-cdup': {}, '--show-prefix': {}, '--is-inside-work-tree': {},
		'--is-inside-git-dir': {}, '--is-bare-repository': {}, '--abbrev-ref': {optional: ['strict', 'loose']}, '--short': {optional: 'number'},
		'--verify': {}, '--quiet': {short: 'q'}, '--symbolic': {}, '--symbolic-full-name': {}, '--all': {}, '--branches': {optional: 'word'},
		'--tags': {optional: 'word'}, '--remotes': {optional: 'word'}, '--revs-only': {}, '--no-revs': {}, '--default': {value: 'ref'},
	}},
	'cat-file': {words: 'revisions', options: {'-t': {}, '-s': {}, '-p': {}, '-e': {}}},
	describe: {words: 'revisions', options: {
		'--tags': {}, '--all': {}, '--long': {}, '--always': {}, '--abbrev': {optional: 'number'}, '--dirty': {optional: 'word'}, '--contains': {},
		'--exact-match': {}, '--match': {value: 'word'}, '--exclude': {value: 'word'}, '--first-parent': {}, '--candidates': {value: 'number'},
	}},
	shortlog: {words: 'revisions', options: {
		'--numbered': {short: 'n'}, '--summary': {short: 's'}, '--email': {short: 'e'}, '--committer': {short: 'c'}, '--group': {value: 'word'},
		'--all': {}, '--branches': {optional: 'word'}, '--tags': {optional: 'word'}, '--remotes': {optional: 'word'}, '--since': {value: 'word'},
		'--until': {value: 'word'}, '--author': {value: 'word'}, '--no-merges': {}, '--merges': {}, '--max-count': {value: 'number'},
	}},
	blame: {words: 'revisions', options: {
		'-L': {value: 'word'}, '--show-email': {short: 'e'}, '-s': {}, '-w': {}, '-l': {}, '-t': {}, '--show-name': {short: 'f'},
		'--show-number': {short: 'n'}, '--porcelain': {short: 'p'}, '--line-porcelain': {}, '--root': {}, '--date': {value: 'word'}, '-c': {},
		'--color-lines': {}, '--color-by-age': {}, '--abbrev': {optional: 'number'}, '-M': {optional: 'number'}, '-C': {optional: 'number'},
		'--ignore-rev': {value: 'ref'}, '--reverse': {}, '--first-parent': {}, '--progress': {}, '--no-progress': {},
	}},
	grep: {words: 'revisions', options: {
		'--cached': {}, '--untracked': {}, '--no-index': {}, '--exclude-standard': {}, '--invert-match': {short: 'v'}, '--ignore-case': {short: 'i'},
		'--word-regexp': {short: 'w'}, '--text': {short: 'a'}, '-I': {}, '--recursive': {short: 'r'}, '--max-depth': {value: 'number'},
		'--extended-regexp': {short: 'E'}, '--basic-regexp': {short: 'G'}, '--fixed-strings': {short: 'F'}, '--perl-regexp': {short: 'P'},
		'--line-number': {short: 'n'}, '--column': {}, '--full-name': {}, '--files-with-matches': {short: 'l'}, '--name-only': {},
		'--files-without-match': {short: 'L'}, '--only-matching': {short: 'o'}, '--count': {short: 'c'}, '--break': {}, '--heading': {},
		'-h': {}, '-H': {}, '--context': {short: 'C', value: 'number'}, '--before-context': {short: 'B', value: 'number'},
		'--after-context': {short: 'A', value: 'number'}, '--show-function': {short: 'p'}, '--function-context': {short: 'W'}, '-e': {value: 'text'},
		'--and': {}, '--or': {}, '--not': {}, '--all-match': {}, '--max-count': {short: 'm', value: 'number'}, ...quiet, ...color,
	}},
	clone: {words: 'none', options: {
		...quiet, ...verbose, '--progress': {}, '--no-checkout': {short: 'n'}, '--branch': {short: 'b', value: 'word'}, '--origin': {short: 'o', value: 'word'},
		'--depth': {value: 'number'}, '--single-branch': {}, '--no-single-branch': {}, '--no-tags': {},
	}},
	init: {words: 'none', options: {}},
	config: {words: 'none', options: {}},
	version: {words: 'none', options: {'--build-options': {}}},
};

/** Settings `git config` may change, by the lower-case name of their section (and variable, when the section allows only some). */
export const writableSettings: ReadonlyArray<{section: string; subsection: boolean; variables?: readonly string[]; value?: 'url' | 'remote' | 'word'}> = [
	{section: 'user', subsection: false, variables: ['name', 'email']},
	{section: 'pull', subsection: false, variables: ['rebase', 'ff']},
	{section: 'push', subsection: false, variables: ['default', 'autosetupremote']},
	{section: 'init', subsection: false, variables: ['defaultbranch']},
	{section: 'core', subsection: false, variables: ['editor']},
	{section: 'merge', subsection: false, variables: ['conflictstyle']},
	{section: 'color', subsection: false},
	{section: 'color', subsection: true},
	{section: 'advice', subsection: false},
	{section: 'remote', subsection: true, variables: ['url'], value: 'url'},
	{section: 'remote', subsection: true, variables: ['fetch'], value: 'word'},
	{section: 'branch', subsection: true, variables: ['remote'], value: 'remote'},
	{section: 'branch', subsection: true, variables: ['merge'], value: 'word'},
];

/** Sections whose every variable the tutor allows, so they may be renamed or removed whole. */
export const wholeSections = ['remote', 'branch'] as const;
