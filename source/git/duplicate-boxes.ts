// Finds a change that is in the learner's history twice: two boxes sealed by the same person
// making the same change, whatever their labels (a merge of an old, rewritten history brings such
// copies back, and so does a merge of a box with its amended copy). Only boxes that change the
// same files are read, so the usual history costs no git call.
import {runGit} from './git-runner.ts';
import type {Commit, StateReader} from './repo-state.ts';

/** One change sealed more than once: the boxes' labels and ids, newest first. */
export type DuplicateBox = {subjects: string[]; oids: string[]};

/**
 * The change a box makes, as git patch-id sees it: the diff without blob ids and line numbers, so
 * the same change applied on another base compares equal.
 */
async function changeOf(oid: string, reader: StateReader): Promise<string | undefined> {
	const result = await runGit(['diff-tree', '-p', '-r', '--root', '--no-commit-id', '--no-color', oid, '--'], {cwd: reader.repo, env: reader.env, internal: true});
	return result.exitCode === 0
		? result.stdout.split('\n').filter(line => !line.startsWith('index ')).map(line => (line.startsWith('@@') ? '@@' : line)).join('\n')
		: undefined;
}

export async function findDuplicateBoxes(commits: readonly Commit[], reader: StateReader): Promise<DuplicateBox[]> {
	const alike = new Map<string, Commit[]>();
	for (const commit of commits) {
		// A merge box makes no change of its own.
		if (commit.parents.length > 1) {
			continue;
		}

		const key = JSON.stringify([commit.author, commit.files.map(file => `${file.status} ${file.path}`).sort()]);
		alike.set(key, [...(alike.get(key) ?? []), commit]);
	}

	const duplicates: DuplicateBox[] = [];
	for (const group of alike.values()) {
		if (group.length < 2) {
			continue;
		}

		const changes = await Promise.all(group.map(async commit => changeOf(commit.oid, reader)));
		const byChange = new Map<string, Commit[]>();
		for (const [index, change] of changes.entries()) {
			// A box that changes nothing (an empty one) is no copy of another.
			if (change !== undefined && change.trim() !== '') {
				byChange.set(change, [...(byChange.get(change) ?? []), group[index]!]);
			}
		}

		for (const copies of byChange.values()) {
			if (copies.length > 1) {
				duplicates.push({subjects: copies.map(commit => commit.subject), oids: copies.map(commit => commit.oid)});
			}
		}
	}

	return duplicates;
}
