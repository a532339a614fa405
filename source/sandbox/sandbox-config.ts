import {pathToFileURL} from 'node:url';

/** What the lessons call the online repository; it resolves to the local bare repository. */
export const githubUrl = 'https://github.com/learner/shipment.git';
export const githubPrefixes = ['https://github.com/', 'git@github.com:', 'ssh://git@github.com/'] as const;

/** The online repository's path under github.com, as lessons show it. */
const onlineRepository = 'learner/shipment';

/** Whether a remote URL, after the sandbox's GitHub rewriting, leads to the online repository. */
export function reachesOnline(url: string): boolean {
	const prefix = githubPrefixes.find(candidate => url.startsWith(candidate));
	if (prefix === undefined) {
		return false;
	}

	// Git finds shipment.git when .git is left off, and ignores a trailing slash.
	return url.slice(prefix.length).replace(/\/$/, '').replace(/\.git$/, '') === onlineRepository;
}

/** Quotes a value for a git config file. */
function quote(value: string): string {
	return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

export type SandboxConfigOptions = {
	githubDir: string;
	hooksDir: string;
	branch: string;
	color: boolean;
};

/** The name the learner's boxes are sealed under: how the tutor tells their boxes from Sam's. */
export const learnerName = 'Learner';

/**
 * The sandbox's own gitconfig. It must be a file rather than `-c` flags: flags do not reach
 * the receiving side of a local push, and they would override what a learner sets with `git config`.
 */
export function sandboxGitConfig(options: SandboxConfigOptions): string {
	const githubBase = pathToFileURL(options.githubDir).href.replace(/\/?$/, '/');
	const rewrites = githubPrefixes.map(prefix => `\tinsteadOf = ${quote(prefix)}`).join('\n');
	return `[user]
	name = ${learnerName}
	email = learner@example.com
[init]
	defaultBranch = ${options.branch}
[core]
	autocrlf = false
	safecrlf = false
	hooksPath = ${quote(options.hooksDir)}
	quotePath = false
[credential]
	helper =
[protocol]
	allow = never
[protocol "file"]
	allow = always
[url ${quote(githubBase)}]
${rewrites}
[advice]
	detachedHead = false
[color]
	ui = ${options.color ? 'always' : 'never'}
[safe]
	directory = *
`;
}
