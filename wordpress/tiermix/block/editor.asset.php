<?php
// What editor.js uses from WordPress, written by hand: the script needs no build step.
return array(
	'dependencies' => array( 'tiermix-block-schemes', 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
	'version'      => '0.1.0',
);
