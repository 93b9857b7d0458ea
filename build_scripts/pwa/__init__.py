"""The installable site (PWA): manifest, icons, a service worker that precaches every file of the
build under a versioned cache name, and the page script that registers it (http(s) only) and shows
the update banner. Wired by build_scripts/hooks/pwa.py."""
