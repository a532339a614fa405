// A minimal external store: the controller reads the newest state synchronously after every
// dispatch (keys can arrive faster than React renders), and React subscribes to it.

export type Store<State, Action> = {
	getState(): State;
	dispatch(action: Action): void;
	subscribe(listener: () => void): () => void;
};

export function createStore<State, Action>(reducer: (state: State, action: Action) => State, initial: State): Store<State, Action> {
	let state = initial;
	const listeners = new Set<() => void>();
	return {
		getState: () => state,
		dispatch(action) {
			const next = reducer(state, action);
			if (next !== state) {
				state = next;
				for (const listener of listeners) {
					listener();
				}
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}
