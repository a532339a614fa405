// Describes boxes the warehouse no longer holds: their labels and authors (the bare repository
// keeps the objects after a forced push) and whether the learner's repository still has them.
import {runGit} from './git-runner.ts';
import type {StateReader} from './repo-state.ts';

/** A box the warehouse held and holds no more. */
export type LostBox = {oid: string; subject: string; author: string; parents: string[]; /** The learner's repository still has it. */ kept: boolean};

/** More than any lesson loses; it keeps the command line short on every platform. */
const describedLimit = 50;

export async function describeLostBoxes(oids: readonly string[], reader: StateReader): Promise<LostBox[]> {
	const wanted = oids.slice(0, describedLimit);
	// --ignore-missing: an object git already pruned is left out rather than failing the read.
	const read = async (format: string, cwd: string, gitDirectory: string[] = []) => {
		const result = await runGit([...gitDirectory, 'log', '--no-walk=unsorted', '--ignore-missing', `--format=${format}`, ...wanted, '--'], {cwd, env: reader.env, internal: true});
		return result.exitCode === 0 ? result.stdout : '';
	};

	const [online, local] = await Promise.all([
		read('%H%x00%P%x00%an%x00%s', reader.online, ['--git-dir', reader.online]),
		read('%H', reader.repo),
	]);
	const kept = new Set(local.split('\n').filter(Boolean));
	const described = new Map(online.split('\n').filter(Boolean).map(line => {
		const [oid = '', parents = '', author = '', subject = ''] = line.split('\0');
		return [oid, {author, subject, parents: parents.split(' ').filter(Boolean)}] as const;
	}));
	return wanted.map(oid => {
		const box = described.get(oid);
		return {oid, subject: box?.subject ?? oid.slice(0, 7), author: box?.author ?? 'someone', parents: box?.parents ?? [], kept: kept.has(oid)};
	});
}
