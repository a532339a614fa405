// A real sandbox a test types lines into, the way the tutor plays a learner's lines, with the
// last git command remembered so checks can be judged as in a lesson.
import {classifyFailure} from '../../source/explain/classify-failure.ts';
import {readFailureFacts} from '../../source/explain/failure-facts.ts';
import {readRepoState, type RepoState} from '../../source/git/repo-state.ts';
import {holds, type LastCommand} from '../../source/lessons/checks.ts';
import type {Check} from '../../source/lessons/lesson-types.ts';
import {createSandbox, removeSandbox, type Sandbox} from '../../source/sandbox/sandbox.ts';
import {runLine, type LineResult} from '../../source/shell/run-line.ts';

/** A sandbox the test types into, the way the tutor plays a learner's lines. */
export class Repo {
	last: LastCommand = {};
	/** HEAD when the "step" began, for newCommits. */
	stepStartHead: string | undefined;

	/** The state since the last line typed (or read): checks in a row look at one moment, read once. */
	private moment: RepoState | undefined;

	constructor(readonly sandbox: Sandbox) {}

	/** Reads the state now; a test that changes files itself calls this before its checks. */
	async state(): Promise<RepoState> {
		this.moment = await readRepoState({repo: this.sandbox.repo, online: this.sandbox.online, env: this.sandbox.env});
		return this.moment;
	}

	/** Types a line; a git line becomes the last command, a helper line clears it (as in a lesson). */
	async type(line: string): Promise<LineResult> {
		const result = await runLine(line, {repo: this.sandbox.repo, env: this.sandbox.env});
		this.moment = undefined;
		if (result.kind === 'git') {
			const state = await this.state();
			const facts = await readFailureFacts(result.args, result.result.exitCode, state, this.sandbox);
			const failure = classifyFailure(result.args, result.result.exitCode, state, undefined, facts);
			this.last = {git: {args: result.args, exitCode: result.result.exitCode, failure, output: result.result.output}};
		} else if (result.kind === 'helper') {
			this.last = {};
		} else {
			throw new Error(`"${line}" was not run: ${JSON.stringify(result)}`);
		}

		return result;
	}

	/** Types lines that must succeed: a failing setup would make negative checks pass for nothing. */
	async ok(...lines: string[]): Promise<void> {
		for (const line of lines) {
			const result = await this.type(line);
			const exitCode = result.kind === 'git' ? result.result.exitCode : result.kind === 'helper' ? result.exitCode : -1;
			if (exitCode !== 0) {
				throw new Error(`"${line}" failed: ${JSON.stringify(result)}`);
			}
		}
	}

	async holds(check: Check): Promise<boolean> {
		return holds(check, {state: this.moment ?? await this.state(), last: this.last, stepStartHead: this.stepStartHead, stepStartWarehouse: undefined});
	}

	async head(): Promise<string | undefined> {
		return (await this.state()).head;
	}
}

export async function withRepo(body: (repo: Repo) => Promise<void>): Promise<void> {
	const sandbox = await createSandbox({branch: 'main', color: false});
	try {
		await body(new Repo(sandbox));
	} finally {
		await removeSandbox(sandbox.root);
	}
}
