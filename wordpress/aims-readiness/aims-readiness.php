<?php
/**
 * Plugin Name:       ISO/IEC 42001 readiness check
 * Description:       Embeds the ISO/IEC 42001 readiness check: a shortcode and a block insert it, a settings page writes its host.json. Answers never leave the visitor's device; nothing is loaded on pages without the check, and no request goes to anyone else.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      8.0
 * License:           Proprietary
 * Text Domain:       aims-readiness
 *
 * The widget itself is the built dist/ folder inside this plugin; this file only writes the
 * <aims-readiness> element (with its plain link for browsers without JavaScript), loads
 * dist/embed.js on the pages that show it, and keeps the plugin's copy of dist/host.json.
 *
 * @package AimsReadiness
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const AIMS_READINESS_OPTION = 'aims_readiness_host';

/** The URL of the widget's folder (dist/ inside the plugin). */
function aims_readiness_dist_url() {
	return plugins_url( 'dist/', __FILE__ );
}

/**
 * The element for one widget, its attributes checked against what the widget accepts.
 *
 * @param array $atts questionnaire, lang, theme, hide_title, label.
 */
function aims_readiness_element( $atts ) {
	$atts          = shortcode_atts(
		array(
			'questionnaire' => 'iso42001-quick-scan',
			'lang'          => '',
			'theme'         => '',
			'hide_title'    => '',
			'label'         => '',
		),
		$atts,
		'aims_readiness'
	);
	$questionnaire = preg_match( '/^[a-z0-9-]{1,60}$/', $atts['questionnaire'] ) ? $atts['questionnaire'] : 'iso42001-quick-scan';
	$lang          = in_array( $atts['lang'], array( 'en', 'de', 'fr', 'es' ), true ) ? $atts['lang'] : '';
	$theme         = in_array( $atts['theme'], array( 'light', 'dark', 'system' ), true ) ? $atts['theme'] : '';
	$dist          = aims_readiness_dist_url();
	$query         = array( 'questionnaire' => $questionnaire );
	if ( '' !== $lang ) {
		$query['lang'] = $lang;
	}
	// Only the pages that show the check load its one script, in the footer.
	wp_enqueue_script( 'aims-readiness-embed', $dist . 'embed.js', array(), '1.0.0', true );
	$html = '<aims-readiness src="' . esc_url( $dist ) . '" questionnaire="' . esc_attr( $questionnaire ) . '"';
	if ( '' !== $lang ) {
		$html .= ' lang="' . esc_attr( $lang ) . '"';
	}
	if ( '' !== $theme ) {
		$html .= ' theme="' . esc_attr( $theme ) . '"';
	}
	if ( '' !== $atts['hide_title'] && 'false' !== $atts['hide_title'] ) {
		$html .= ' hide-title';
	}
	if ( '' !== $atts['label'] ) {
		$html .= ' label="' . esc_attr( $atts['label'] ) . '"';
	}
	$html .= '><a href="' . esc_url( add_query_arg( $query, $dist . 'index.html' ) ) . '">'
		. esc_html__( 'Check your readiness for ISO/IEC 42001', 'aims-readiness' ) . '</a></aims-readiness>';
	return $html;
}

add_shortcode( 'aims_readiness', 'aims_readiness_element' );

/** The block: the same element, its attributes set in the editor's sidebar (block.json). */
function aims_readiness_block() {
	register_block_type(
		__DIR__ . '/block.json',
		array(
			'render_callback' => function ( $attributes ) {
				return aims_readiness_element(
					array(
						'questionnaire' => isset( $attributes['questionnaire'] ) ? (string) $attributes['questionnaire'] : '',
						'lang'          => isset( $attributes['lang'] ) ? (string) $attributes['lang'] : '',
						'theme'         => isset( $attributes['theme'] ) ? (string) $attributes['theme'] : '',
					)
				);
			},
		)
	);
}
add_action( 'init', 'aims_readiness_block' );

/** The settings the page edits, and the host.json they make (only what is filled in). */
function aims_readiness_settings() {
	$saved = get_option( AIMS_READINESS_OPTION, array() );
	return is_array( $saved ) ? $saved : array();
}

/**
 * The plugin's copy of host.json, from the settings.
 *
 * @param array $s the settings.
 */
function aims_readiness_host_json( $s ) {
	// A host.json pasted from the host studio is the file, exactly as pasted.
	if ( ! empty( $s['studio'] ) ) {
		return $s['studio'];
	}
	$host = array();
	foreach ( array( 'name', 'contact', 'accent', 'font' ) as $key ) {
		if ( ! empty( $s[ $key ] ) ) {
			$host[ $key ] = $s[ $key ];
		}
	}
	if ( ! empty( $s['cta_label'] ) && ! empty( $s['cta_url'] ) ) {
		$host['cta'] = array(
			'label' => $s['cta_label'],
			'url'   => $s['cta_url'],
		);
	}
	foreach ( aims_readiness_bands() as $band => $title ) {
		if ( ! empty( $s[ 'band_' . $band ] ) ) {
			$host['bands'][ $band ] = array( 'message' => $s[ 'band_' . $band ] );
		}
	}
	if ( ! empty( $s['events'] ) ) {
		$host['events'] = 'band' === $s['events'] ? array( 'band' => true ) : true;
	}
	return wp_json_encode( (object) $host, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n";
}

/** The readiness bands, as host.json names them. */
function aims_readiness_bands() {
	return array(
		'early-stage'  => __( 'Early stage', 'aims-readiness' ),
		'not-ready'    => __( 'Not ready for a certification audit', 'aims-readiness' ),
		'indicative'   => __( 'Indicative (quick scan)', 'aims-readiness' ),
		'stage1-ready' => __( 'Ready for stage 1', 'aims-readiness' ),
		'nearly-ready' => __( 'Nearly ready', 'aims-readiness' ),
		'audit-ready'  => __( 'Ready for the certification audit', 'aims-readiness' ),
	);
}

/** Writes dist/host.json from the settings (the widget validates it again and says what it refuses). */
function aims_readiness_write_host() {
	$file = __DIR__ . '/dist/host.json';
	if ( is_dir( dirname( $file ) ) ) {
		file_put_contents( $file, aims_readiness_host_json( aims_readiness_settings() ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}
}
add_action( 'update_option_' . AIMS_READINESS_OPTION, 'aims_readiness_write_host' );
add_action( 'add_option_' . AIMS_READINESS_OPTION, 'aims_readiness_write_host' );

/**
 * Cleans what the settings page sends: plain text, one mailto: address, https links, colours,
 * held to the rules the widget checks host.json by (a value it would refuse is not saved, and
 * the settings page says so instead of the widget's console).
 *
 * @param mixed $input the form's values.
 */
function aims_readiness_sanitize( $input ) {
	$input   = is_array( $input ) ? $input : array();
	$clean   = array();
	$raw     = function ( $key ) use ( $input ) {
		return isset( $input[ $key ] ) ? trim( (string) wp_unslash( $input[ $key ] ) ) : '';
	};
	$refuse  = function ( $key, $message ) {
		add_settings_error( AIMS_READINESS_OPTION, 'aims-' . $key, $message );
		return '';
	};
	// Plain text as the widget takes it: no markup and none of < > " ` \ { } ; (it refuses them).
	$plain = function ( $key, $max, $label ) use ( $raw, $refuse ) {
		$value = $raw( $key );
		if ( '' === $value ) {
			return '';
		}
		if ( mb_strlen( $value ) > $max || preg_match( '/[<>"`\\\\{};\p{Cc}]/u', $value ) ) {
			/* translators: 1: a field's label, 2: its maximum length */
			return $refuse( $key, sprintf( __( '%1$s: at most %2$d characters of plain text, without < > " ` \\ { } ; (not saved).', 'aims-readiness' ), $label, $max ) );
		}
		return $value;
	};
	$clean['name']    = $plain( 'name', 60, __( 'Your name', 'aims-readiness' ) );
	$contact          = $raw( 'contact' );
	$clean['contact'] = preg_match( '/^mailto:[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/', $contact ) ? $contact : '';
	if ( '' !== $contact && '' === $clean['contact'] ) {
		$refuse( 'contact', __( 'Contact: one address written as mailto:name@example.org (not saved).', 'aims-readiness' ) );
	}
	$accent          = $raw( 'accent' );
	$clean['accent'] = preg_match( '/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/', $accent ) ? $accent : '';
	if ( '' !== $accent && '' === $clean['accent'] ) {
		$refuse( 'accent', __( 'Accent colour: a colour written as #rrggbb or #rgb (not saved).', 'aims-readiness' ) );
	}
	$font          = $raw( 'font' );
	$clean['font'] = preg_match( "/^[\p{L}\p{N} ,'-]{1,80}$/u", $font ) ? $font : '';
	if ( '' !== $font && '' === $clean['font'] ) {
		$refuse( 'font', __( 'Font: font names separated by commas, letters, digits, spaces and hyphens only (not saved).', 'aims-readiness' ) );
	}
	$clean['cta_label'] = $plain( 'cta_label', 40, __( 'Call to action: label', 'aims-readiness' ) );
	$url                = $raw( 'cta_url' );
	$clean['cta_url']   = '' === $url ? '' : esc_url_raw( $url, array( 'https', 'mailto' ) );
	if ( '' !== $url && '' === $clean['cta_url'] ) {
		$refuse( 'cta_url', __( 'Call to action: a link starting with https:// or mailto: (not saved).', 'aims-readiness' ) );
	}
	foreach ( aims_readiness_bands() as $band => $title ) {
		// A textarea sends its line breaks as CR LF; the widget takes LF only.
		$message = str_replace( array( "\r\n", "\r" ), "\n", $raw( 'band_' . $band ) );
		$markup  = false !== strpos( $message, '<' ) && false !== strpos( $message, '>' );
		if ( '' !== $message && ( $markup || mb_strlen( $message ) > 400 || preg_match( '/[^\P{Cc}\n]/u', $message ) ) ) {
			/* translators: %s: a readiness band */
			$message = $refuse( 'band_' . $band, sprintf( __( 'Message for "%s": at most 400 characters of plain text, without markup (not saved).', 'aims-readiness' ), $title ) );
		}
		$clean[ 'band_' . $band ] = $message;
	}
	$events          = $raw( 'events' );
	$clean['events'] = in_array( $events, array( 'on', 'band' ), true ) ? $events : '';
	// A host.json written with the host studio (texts per language, logo, course links...): kept
	// exactly as pasted (line breaks as LF) if it is one JSON object; the widget checks each of
	// its settings again and ignores, with a console warning, what it refuses.
	$studio = isset( $input['studio'] ) ? str_replace( array( "\r\n", "\r" ), "\n", (string) wp_unslash( $input['studio'] ) ) : '';
	if ( '' !== trim( $studio ) && ( strlen( $studio ) > 300000 || ! ( json_decode( $studio ) instanceof stdClass ) ) ) {
		$studio = $refuse( 'studio', __( 'host.json from the host studio: one JSON object, at most 300 KB (not saved).', 'aims-readiness' ) );
	}
	$clean['studio'] = '' === trim( $studio ) ? '' : $studio;
	return $clean;
}

/** Settings → Readiness check. */
function aims_readiness_admin() {
	add_options_page(
		__( 'Readiness check', 'aims-readiness' ),
		__( 'Readiness check', 'aims-readiness' ),
		'manage_options',
		'aims-readiness',
		'aims_readiness_settings_page'
	);
}
add_action( 'admin_menu', 'aims_readiness_admin' );
add_action(
	'admin_init',
	function () {
		register_setting(
			'aims_readiness',
			AIMS_READINESS_OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => 'aims_readiness_sanitize',
				'default'           => array(),
			)
		);
	}
);

/** The settings page: each field of host.json the plugin writes, escaped on output. */
function aims_readiness_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$s     = aims_readiness_settings();
	$value = function ( $key ) use ( $s ) {
		return isset( $s[ $key ] ) ? (string) $s[ $key ] : '';
	};
	$field = function ( $key, $label, $type = 'text' ) use ( $value ) {
		printf(
			'<tr><th scope="row"><label for="aims-%1$s">%2$s</label></th><td><input class="regular-text" type="%3$s" id="aims-%1$s" name="%4$s[%1$s]" value="%5$s" /></td></tr>',
			esc_attr( $key ),
			esc_html( $label ),
			esc_attr( $type ),
			esc_attr( AIMS_READINESS_OPTION ),
			esc_attr( $value( $key ) )
		);
	};
	echo '<div class="wrap"><h1>' . esc_html__( 'Readiness check', 'aims-readiness' ) . '</h1>';
	echo '<p>' . esc_html__( 'These settings become the widget\'s host.json. Insert the check with the "Readiness check" block or the shortcode [aims_readiness questionnaire="iso42001-quick-scan" lang="fr"].', 'aims-readiness' ) . '</p>';
	echo '<form method="post" action="options.php">';
	settings_fields( 'aims_readiness' );
	echo '<table class="form-table" role="presentation">';
	$field( 'name', __( 'Your name', 'aims-readiness' ) );
	$field( 'contact', __( 'Contact for the hand-off (mailto:)', 'aims-readiness' ) );
	$field( 'accent', __( 'Accent colour (#rrggbb)', 'aims-readiness' ) );
	$field( 'font', __( 'Font', 'aims-readiness' ) );
	$field( 'cta_label', __( 'Call to action: label', 'aims-readiness' ) );
	$field( 'cta_url', __( 'Call to action: link (https:// or mailto:)', 'aims-readiness' ), 'url' );
	foreach ( aims_readiness_bands() as $band => $title ) {
		printf(
			'<tr><th scope="row"><label for="aims-band-%1$s">%2$s</label></th><td><textarea class="large-text" rows="2" maxlength="400" id="aims-band-%1$s" name="%3$s[band_%1$s]">%4$s</textarea></td></tr>',
			esc_attr( $band ),
			/* translators: %s: a readiness band */
			esc_html( sprintf( __( 'Message for "%s"', 'aims-readiness' ), $title ) ),
			esc_attr( AIMS_READINESS_OPTION ),
			esc_textarea( $value( 'band_' . $band ) )
		);
	}
	$events = $value( 'events' );
	echo '<tr><th scope="row"><label for="aims-events">' . esc_html__( 'Events for your analytics', 'aims-readiness' ) . '</label></th><td><select id="aims-events" name="' . esc_attr( AIMS_READINESS_OPTION ) . '[events]">';
	foreach ( array( '' => __( 'Nothing', 'aims-readiness' ), 'on' => __( 'Started and completed', 'aims-readiness' ), 'band' => __( 'Started and completed, with the readiness band', 'aims-readiness' ) ) as $key => $label ) {
		printf( '<option value="%1$s"%2$s>%3$s</option>', esc_attr( $key ), selected( $events, $key, false ), esc_html( $label ) );
	}
	echo '</select></td></tr>';
	printf(
		'<tr><th scope="row"><label for="aims-studio">%1$s</label></th><td><textarea class="large-text code" rows="8" id="aims-studio" name="%2$s[studio]" aria-describedby="aims-studio-hint">%3$s</textarea><p class="description" id="aims-studio-hint">%4$s <a href="%5$s">%6$s</a></p></td></tr>',
		esc_html__( 'host.json from the host studio', 'aims-readiness' ),
		esc_attr( AIMS_READINESS_OPTION ),
		esc_textarea( $value( 'studio' ) ),
		esc_html__( 'For texts in each of the widget\'s languages, a logo, course links and messages for the weakest section, write host.json in the host studio and paste it here: it is then used instead of the fields above.', 'aims-readiness' ),
		esc_url( aims_readiness_dist_url() . 'host-studio.html' ),
		esc_html__( 'Open the host studio', 'aims-readiness' )
	);
	echo '</table>';
	submit_button();
	echo '</form></div>';
}
