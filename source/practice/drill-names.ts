// The practice drills, by name. Small on purpose: the command line and the menu need only
// this, not the generators.

export const drillNames = ['recover', 'force', 'pull-first', 'conflict', 'address', 'revert'] as const;
export type DrillName = (typeof drillNames)[number];

export const defaultDrill: DrillName = 'recover';

export type DrillInfo = {
	name: DrillName;
	/** The lesson the drill practises; the menu offers the drill once that lesson is done. */
	lesson: string;
	/** What the drill is about, for the menu. */
	title: string;
};

export const drillCatalog: readonly DrillInfo[] = [
	{name: 'address', lesson: 'push', title: 'Ship to an address that is not set up'},
	{name: 'pull-first', lesson: 'pull-first', title: 'Pull before you push'},
	{name: 'conflict', lesson: 'conflict', title: 'Resolve a conflict and ship'},
	{name: 'force', lesson: 'force', title: 'Relabel a shipped box safely'},
	{name: 'recover', lesson: 'recover', title: 'Bring back a lost shipment'},
	{name: 'revert', lesson: 'undo', title: 'Recall a shipped box with a new one'},
];

export function isDrillName(word: string): word is DrillName {
	return (drillNames as readonly string[]).includes(word);
}
