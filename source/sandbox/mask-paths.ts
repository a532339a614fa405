// Git prints the addresses it really used. The learner must see the GitHub address and
// ~/shipment instead: a temp path would only confuse.
import {Buffer} from 'node:buffer';
import {pathToFileURL} from 'node:url';
import path from 'node:path';
import type {Sandbox} from './sandbox.ts';

type Replacement = [needle: string, shownAs: string];

const cEscapes: Record<string, string> = {'"': '\\"', '\\': '\\\\', '\u0007': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r'};

/**
 * A path as git prints it inside "…" (quote_c_style): quotes, backslashes and controls escaped, and
 * with core.quotePath on (a learner may set it) every byte of a non-ASCII letter in octal: é is \303\251.
 */
function cQuoted(text: string, octalNonAscii: boolean): string {
	let quoted = '';
	for (const character of text) {
		const code = character.codePointAt(0)!;
		if (Object.hasOwn(cEscapes, character)) {
			quoted += cEscapes[character];
		} else if (code < 0x20 || code === 0x7F || (code > 0x7F && octalNonAscii)) {
			quoted += [...Buffer.from(character)].map(byte => `\\${byte.toString(8).padStart(3, '0')}`).join('');
		} else {
			quoted += character;
		}
	}

	return quoted;
}

function variants(directory: string): string[] {
	const forward = directory.replaceAll('\\', '/');
	const plain = [pathToFileURL(directory).href, `file://${forward}`, directory, forward];
	return [...new Set([...plain, ...plain.flatMap(text => [cQuoted(text, false), cQuoted(text, true)])])];
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
