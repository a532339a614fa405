// Git prints the addresses it really used. The learner must see the GitHub address and
// ~/shipment instead: a temp path would only confuse.
import {pathToFileURL} from 'node:url';
import path from 'node:path';
import type {Sandbox} from './sandbox.ts';

type Replacement = [needle: string, shownAs: string];

function variants(directory: string): string[] {
	const forward = directory.replaceAll('\\', '/');
	return [...new Set([pathToFileURL(directory).href, `file://${forward}`, directory, forward])];
}

export function pathReplacements(sandbox: Pick<Sandbox, 'root' | 'repo' | 'online' | 'sam' | 'url'>): Replacement[] {
	const githubDir = path.dirname(path.dirname(sandbox.online));
	const onlineShown = sandbox.url;
	const list: Replacement[] = [
		...variants(sandbox.online).flatMap((needle): Replacement[] => [[`${needle}/`, onlineShown], [needle, onlineShown]]),
		...variants(sandbox.online.replace(/\.git$/, '')).map((needle): Replacement => [needle, onlineShown.replace(/\.git$/, '')]),
		...variants(githubDir).map((needle): Replacement => [needle, 'https://github.com']),
		...variants(sandbox.sam).map((needle): Replacement => [needle, "~/sam's-shipment"]),
		...variants(sandbox.repo).map((needle): Replacement => [needle, '~/shipment']),
		...variants(sandbox.root).map((needle): Replacement => [needle, '~']),
	];
	// Longest first, so a repository path wins over the root it lives in.
	return list.sort((a, b) => b[0].length - a[0].length);
}

export function maskSandboxPaths(text: string, replacements: readonly Replacement[]): string {
	let masked = text;
	for (const [needle, shownAs] of replacements) {
		masked = masked.replaceAll(needle, shownAs);
	}

	return masked;
}
