"""The installable site (PWA): manifest, icons, a service worker that keeps what a visit uses under
content hashes (the whole site only when the user chooses "离线使用本站"), the page script that
registers it (http(s) only) and shows the update banner, and the offline page's choice panel.
Wired by build_scripts/hooks/pwa.py."""
