<?php
/**
 * What the block's editor script needs from WordPress (no build step).
 *
 * @package AimsReadiness
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor' ),
	'version'      => '1.0.0',
);
