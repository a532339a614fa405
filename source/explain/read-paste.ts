// Reads a pasted error from standard input. Piped: to the end. From a terminal: until an empty line
// once something was pasted, or Ctrl+D. git's own messages hold empty lines, and a paste arrives in
// one burst, so an empty line ends the paste only when nothing follows it for a moment.
import {createInterface} from 'node:readline';

/** How long an empty line waits for more of the paste before it ends it. */
const settleMs = 400;

export async function readPaste(input: NodeJS.ReadStream & {isTTY?: boolean}, ask: (line: string) => void): Promise<string> {
	if (!input.isTTY) {
		const chunks: Buffer[] = [];
		for await (const chunk of input) {
			chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer);
		}

		return Buffer.concat(chunks).toString('utf8');
	}

	ask('Paste the git error, then press Enter on an empty line (or Ctrl+D to end).');
	return new Promise(resolve => {
		const lines: string[] = [];
		const reader = createInterface({input, terminal: false});
		let timer: NodeJS.Timeout | undefined;
		const finish = () => {
			clearTimeout(timer);
			reader.close();
		};

		reader.on('line', line => {
			clearTimeout(timer);
			lines.push(line);
			if (line.trim() === '' && lines.some(earlier => earlier.trim() !== '')) {
				timer = setTimeout(finish, settleMs);
			}
		});
		reader.on('close', () => {
			clearTimeout(timer);
			resolve(lines.join('\n'));
		});
	});
}
