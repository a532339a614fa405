// What a commit id determines never changes: the history below it, its files, the boxes in it
// with conflict markers, the changes it holds twice. The state is read after every command, and
// most commands leave HEAD and the warehouse where they were, so these are kept by id and read
// again only when an id is new. A bounded map: the oldest entries go first.

const limit = 200;

export class HistoryCache<Value> {
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
