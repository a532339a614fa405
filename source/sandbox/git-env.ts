// The environment of every git process the tutor starts, the learner's commands and the
// checks alike, so the learner's own git config, identity, hooks and credentials never apply.

export type GitEnvPaths = {
	/** Sandbox root: git never looks for a repository above it. */
	root: string;
	home: string;
	gitconfig: string;
};

const inheritedGitVariable = /^(GIT_|EMAIL$)/;

export function buildGitEnv(paths: GitEnvPaths, inherited: NodeJS.ProcessEnv = process.env): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(inherited)) {
		// Drop GIT_DIR, GIT_WORK_TREE, GIT_AUTHOR_*, GIT_CONFIG_* and the like: any of them could
		// point git at the learner's own repository or identity.
		if (value !== undefined && !inheritedGitVariable.test(name.toUpperCase())) {
			env[name] = value;
		}
	}

	return {
		...env,
		HOME: paths.home,
		USERPROFILE: paths.home,
		XDG_CONFIG_HOME: `${paths.home}/.config`,
		GIT_CONFIG_NOSYSTEM: '1',
		GIT_CONFIG_GLOBAL: paths.gitconfig,
		GIT_CEILING_DIRECTORIES: paths.root,
		GIT_TERMINAL_PROMPT: '0',
		GIT_ASKPASS: '',
		SSH_ASKPASS: '',
		GCM_INTERACTIVE: 'never',
		// ':' does nothing and succeeds: nothing ever waits for an editor.
		GIT_EDITOR: ':',
		GIT_SEQUENCE_EDITOR: ':',
		GIT_MERGE_AUTOEDIT: 'no',
		GIT_PAGER: 'cat',
		PAGER: 'cat',
	};
}
