<?php
/**
 * Installs WordPress into the test site, activates the plugin with WordPress's own functions,
 * saves its settings (which write the plugin's host.json), and creates a page with the
 * shortcode, one with the block and one without either. Prints the pages' ids as JSON.
 * Run by tests/wordpress/serve.sh with the site's directory as the working directory.
 *
 * @package AimsReadiness
 */

define( 'WP_INSTALLING', true );
require __DIR__ . '/../../target/wordpress/site/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

// No mail from a test site (WordPress mails the new admin).
add_filter( 'pre_wp_mail', '__return_false' );
if ( ! is_blog_installed() ) {
	wp_install( 'Readiness test site', 'admin', 'admin@example.org', false, '', 'test-password-not-secret' );
}
// Debian's classic theme (its package is installed with WordPress).
switch_theme( 'twentytwentyone' );
$activated = activate_plugin( 'aims-readiness/aims-readiness.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() . "\n" );
	exit( 1 );
}
update_option(
	'aims_readiness_host',
	array(
		'name'           => 'Acme Advisory & Partners',
		'contact'        => 'mailto:readiness@acme.example',
		'accent'         => '#8a3b12',
		'band_not-ready' => 'Your gaps are clear: our programme & "plan".',
		'events'         => 'band',
	)
);
$pages = array();
foreach ( array(
	'shortcode' => '[aims_readiness questionnaire="iso42001-quick-scan" label="Check <script>alert(1)</script>"]',
	'block'     => '<!-- wp:aims-readiness/check {"questionnaire":"iso42001-full","lang":"fr"} /-->',
	'plain'     => 'A page without the check.',
) as $name => $content ) {
	$pages[ $name ] = wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_title'   => $name,
			'post_content' => $content,
		)
	);
}
echo wp_json_encode( $pages ) . "\n";
