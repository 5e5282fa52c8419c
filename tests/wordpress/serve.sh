#!/usr/bin/env bash
# A real WordPress from Debian's packages for the plugin's browser test: starts MariaDB on its
# own socket and data directory under target/wordpress/, copies WordPress into a fresh site,
# unzips the plugin the build packaged (dist/aims-readiness-wordpress.zip) into it, installs
# WordPress and activates the plugin with WordPress's own functions (setup.php), and serves the
# site with PHP's built-in server on 127.0.0.1:4180. Writes target/wordpress/pages.json; stops
# everything with `tests/wordpress/serve.sh stop`.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD/target/wordpress"
stop() {
  [ -f "$root/php.pid" ] && kill "$(cat "$root/php.pid")" 2>/dev/null || true
  [ -f "$root/db.pid" ] && kill "$(cat "$root/db.pid")" 2>/dev/null || true
  rm -f "$root/php.pid" "$root/db.pid"
}
if [ "${1:-}" = "stop" ]; then stop; exit 0; fi
stop
rm -rf "$root" && mkdir -p "$root/db" "$root/run"
user=$(id -un)
mariadb-install-db --no-defaults --datadir="$root/db" --user="$user" --auth-root-authentication-method=normal >"$root/db-install.log" 2>&1
mariadbd --no-defaults --datadir="$root/db" --socket="$root/run/db.sock" --skip-networking --user="$user" \
  --pid-file="$root/run/db.pid" >"$root/db.log" 2>&1 &
echo $! >"$root/db.pid"
for _ in $(seq 1 60); do mariadb --no-defaults --socket="$root/run/db.sock" -uroot -e 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
mariadb --no-defaults --socket="$root/run/db.sock" -uroot -e "create database wordpress; create user 'wp'@'localhost' identified by 'wp'; grant all on wordpress.* to 'wp'@'localhost';"
# The site: Debian's WordPress (its wp-content is a link into /var/lib: copied as files here).
cp -rL /usr/share/wordpress "$root/site"
rm -f "$root/site/wp-config.php"
cat >"$root/site/wp-config.php" <<PHP
<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'wp' );
define( 'DB_HOST', 'localhost:$root/run/db.sock' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'WP_HOME', 'http://127.0.0.1:4180' );
define( 'WP_SITEURL', 'http://127.0.0.1:4180' );
define( 'WP_CONTENT_DIR', __DIR__ . '/wp-content' );
define( 'WP_CONTENT_URL', 'http://127.0.0.1:4180/wp-content' );
define( 'WP_PLUGIN_DIR', __DIR__ . '/wp-content/plugins' );
define( 'WP_PLUGIN_URL', 'http://127.0.0.1:4180/wp-content/plugins' );
define( 'FS_METHOD', 'direct' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
\$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', __DIR__ . '/' ); }
require_once ABSPATH . 'wp-settings.php';
PHP
mkdir -p "$root/site/wp-content/plugins"
unzip -q dist/aims-readiness-wordpress.zip -d "$root/site/wp-content/plugins"
for f in "$root"/site/wp-content/plugins/aims-readiness/*.php; do php -l "$f" >/dev/null; done
repo="$PWD"
(cd "$root/site" && php "$repo/tests/wordpress/setup.php") >"$root/pages.json"
php -S 127.0.0.1:4180 -t "$root/site" >"$root/php.log" 2>&1 &
echo $! >"$root/php.pid"
for _ in $(seq 1 40); do curl -fs -o /dev/null http://127.0.0.1:4180/ && break; sleep 0.25; done
echo "WordPress with the plugin on http://127.0.0.1:4180/ (pages: $(cat "$root/pages.json"))"
