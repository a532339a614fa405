// What each git failure means in the box analogy, and the way out. Data only: the tutor shows
// these under git's own output, and a future `explain` command will reuse them.
// {branch}, {remote}, {remotes} and {ref} are filled in from the situation.

export type FailureId =
	| 'no-destination'
	| 'no-upstream'
	| 'unknown-remote'
	| 'src-refspec'
	| 'nothing-to-seal'
	| 'remote-exists'
	| 'needs-label';

export type Explanation = {
	/** What happened, in the analogy. */
	meaning: string;
	/** The way out, ending in the command to type. */
	wayOut: string;
};

export const explanations: Record<FailureId, Explanation> = {
	'no-destination': {
		meaning: 'The truck has no address yet: this repository has no remote to ship to.',
		wayOut: 'Give it one: git remote add origin <url>',
	},
	'no-upstream': {
		meaning: 'The truck knows the warehouse, but the route for {branch} is not saved yet.',
		wayOut: 'Ship once and save the route: git push -u origin {branch}',
	},
	'unknown-remote': {
		meaning: 'There is no destination called "{remote}". Known destinations: {remotes}.',
		wayOut: 'See the addresses with git remote -v and use one of those names.',
	},
	'src-refspec': {
		meaning: 'There are no sealed boxes on a branch called "{ref}" to ship.',
		wayOut: 'Your branch is {branch}: git push origin {branch}',
	},
	'nothing-to-seal': {
		meaning: 'The box is empty: there is nothing to seal.',
		wayOut: 'Put something in first with git add <file>, then seal it.',
	},
	'remote-exists': {
		meaning: 'There is already an address called "{remote}".',
		wayOut: 'To change where it points: git remote set-url {remote} <url>',
	},
	'needs-label': {
		meaning: 'A sealed box needs a label, and git would open a text editor to ask for one. Editors do not open inside the tutor.',
		wayOut: 'Write the label on the command line: git commit -m "Describe the change"',
	},
};

export function fillExplanation(explanation: Explanation, details: Record<string, string>): Explanation {
	const fill = (text: string) => text.replaceAll(/{(\w+)}/g, (whole, name: string) => details[name] ?? whole);
	return {meaning: fill(explanation.meaning), wayOut: fill(explanation.wayOut)};
}
