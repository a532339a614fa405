// Answers kept by what decides them: a commit id decides its history and files for good, and the
// text of a few files decides git's answer on settings and refs. The state is read after every
// command, and most commands change little, so an answer is asked again only for a new key. A
// bounded map: the least recently used entries go first.

const limit = 200;

export class KeptAnswers<Value> {
	private readonly entries = new Map<string, Value>();

	async get(key: string, read: () => Promise<Value>): Promise<Value> {
		const known = this.entries.get(key);
		if (known !== undefined) {
			// Most recently used last, so the oldest entry is the first to go.
			this.entries.delete(key);
			this.entries.set(key, known);
			return known;
		}

		const value = await read();
		this.entries.set(key, value);
		if (this.entries.size > limit) {
			this.entries.delete(this.entries.keys().next().value!);
		}

		return value;
	}
}
