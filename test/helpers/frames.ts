// Helpers for tests that read Ink frames: they render asynchronously, so poll, never sleep.

/** Colours are not what these tests are about; compare the text a learner reads. */
export const stripAnsi = (text: string) => text.replaceAll(/\u001B\[[\d;]*m/g, '');

/** Lets Ink handle one keystroke before the next, as a learner's typing would. */
export const tick = async () => new Promise<void>(resolve => {
	setImmediate(resolve);
});

/** Polls until the condition holds, or fails with a description of what was awaited. */
export async function waitUntil(condition: () => boolean, what: () => string, timeoutMs = 30_000): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) {
			throw new Error(`Timed out waiting for ${what()}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}
}
