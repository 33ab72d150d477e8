<?php
/**
 * Plugin Name:       tiermix
 * Plugin URI:        https://github.com/tiermix/tiermix
 * Description:       Nano, micro or macro influencers? A reach-versus-persuasion calculator for your posts: a shortcode, a block, and pasted tiermix links. Everything runs in the reader's browser, from this plugin's own files.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            tiermix contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       tiermix
 *
 * The plugin stores nothing: no option, no post meta, no table, no transient. Its output is
 * markup computed from the post's own text each time the post is shown, so deleting the plugin
 * leaves nothing behind.
 */

defined( 'ABSPATH' ) || exit;

define( 'TIERMIX_VERSION', '0.1.0' );

/**
 * The settings the calculator reads, by the names its element and its share links use. Anything
 * else in a shortcode or a block is ignored; these are passed as text, escaped, and the
 * calculator itself refuses, by name and on the page, a value it cannot use.
 */
const TIERMIX_SETTINGS = array( 'budget', 'currency', 'scheme', 'mix', 'goal', 'lambda', 'tiers', 'hours', 'limits', 'audience', 'posts', 'hourly', 'value', 'overrides', 'lang', 'theme' );

/** Longer text than any real setting is cut: a post cannot make the page carry megabytes. */
const TIERMIX_MAX_SETTING = 2000;

/** The bundled calculator's folder address, with its trailing slash. */
function tiermix_calculator_url() {
	return plugins_url( 'calculator/', __FILE__ );
}

/** Where the calculator is published on the web (written by the build), or '' if unknown. */
function tiermix_published_url() {
	$file = __DIR__ . '/published-at.php';
	return is_readable( $file ) ? (string) include $file : '';
}

add_action( 'init', 'tiermix_register' );

function tiermix_register() {
	// The element's script is an ES module: it finds the engine and its sentences next to itself.
	wp_register_script( 'tiermix-element', tiermix_calculator_url() . 'tier-mix.js', array(), TIERMIX_VERSION, true );
	// Sizes the frames of pasted links to their content (they report their height).
	wp_register_script( 'tiermix-frame-height', tiermix_calculator_url() . 'resize.js', array(), TIERMIX_VERSION, true );

	// The engine's tier schemes for the block's sidebar, listed by the build.
	wp_register_script( 'tiermix-block-schemes', plugins_url( 'block/schemes.js', __FILE__ ), array(), TIERMIX_VERSION, true );
	wp_register_style( 'tiermix', plugins_url( 'tiermix.css', __FILE__ ), array(), TIERMIX_VERSION );

	add_shortcode( 'tiermix', 'tiermix_shortcode' );
	register_block_type( __DIR__ . '/block', array( 'render_callback' => 'tiermix_render_block' ) );
	wp_embed_register_handler( 'tiermix', tiermix_link_pattern(), 'tiermix_embed_link' );
}

add_filter( 'script_loader_tag', 'tiermix_module_tag', 10, 2 );

/** WordPress 6.1 has no module scripts of its own: the element's tag says type="module". */
function tiermix_module_tag( $tag, $handle ) {
	if ( 'tiermix-element' !== $handle ) {
		return $tag;
	}
	return str_replace( '<script ', '<script type="module" ', str_replace( " type='text/javascript'", '', $tag ) );
}

add_action( 'enqueue_block_editor_assets', 'tiermix_editor_assets' );

/** The block's preview in the editor is the live calculator. */
function tiermix_editor_assets() {
	wp_enqueue_script( 'tiermix-element' );
}

/**
 * The calculator element for the given settings, with a link to the full calculator as its
 * content: readers whose browser runs no script get the link.
 *
 * @param array $settings Setting name => text, from a shortcode or a block.
 * @param bool  $compact  Whether to leave out the comparison table.
 */
function tiermix_element( array $settings, $compact = false ) {
	$attributes = '';
	foreach ( TIERMIX_SETTINGS as $name ) {
		if ( ! isset( $settings[ $name ] ) || ! is_scalar( $settings[ $name ] ) ) {
			continue;
		}
		$value = trim( (string) $settings[ $name ] );
		if ( '' === $value ) {
			continue;
		}
		$attributes .= sprintf( ' %s="%s"', $name, esc_attr( mb_substr( $value, 0, TIERMIX_MAX_SETTING ) ) );
	}
	if ( $compact ) {
		$attributes .= ' compact';
	}
	wp_enqueue_script( 'tiermix-element' );
	return sprintf(
		'<tier-mix class="tiermix"%s><a href="%s">%s</a></tier-mix>',
		$attributes,
		esc_url( tiermix_calculator_url() ),
		esc_html__( 'Open the tiermix calculator', 'tiermix' )
	);
}

/**
 * [tiermix budget="20000" mix="nano:20,micro:50,macro:30" lang="fr"], and [tiermix compact].
 *
 * @param array|string $attributes The shortcode's attributes (WordPress gives '' for none).
 */
function tiermix_shortcode( $attributes ) {
	$attributes = is_array( $attributes ) ? $attributes : array();
	// A bare word such as `compact` arrives as a numbered attribute.
	$compact = in_array( 'compact', array_map( 'strval', array_filter( $attributes, 'is_int', ARRAY_FILTER_USE_KEY ) ), true )
		|| ( isset( $attributes['compact'] ) && ! in_array( strtolower( (string) $attributes['compact'] ), array( '', '0', 'false', 'no' ), true ) );
	return tiermix_element( $attributes, $compact );
}

/** The block's markup, from the attributes its sidebar edits. */
function tiermix_render_block( $attributes ) {
	$attributes = is_array( $attributes ) ? $attributes : array();
	$element    = tiermix_element( $attributes, ! empty( $attributes['compact'] ) );
	return sprintf( '<div %s>%s</div>', get_block_wrapper_attributes(), $element );
}

/**
 * Links to the calculator, pasted on their own line or into an Embed block: the bundled copy's
 * and the published one's, the full page with its scenario after `#`, or embed.html with its
 * settings after `?`.
 */
function tiermix_link_pattern() {
	$homes = array_filter( array( tiermix_calculator_url(), tiermix_published_url() ) );
	$hosts = array_map(
		function ( $home ) {
			// Either scheme: a site moved to https still knows its old links.
			return preg_quote( preg_replace( '#^https?:#i', '', $home ), '#' );
		},
		array_values( array_unique( $homes ) )
	);
	return '#^https?:(?:' . implode( '|', $hosts ) . ')(?:(?:index\.html)?(?:\#(?P<scenario>.*))?|embed\.html\?(?P<settings>[^\#]*)(?:\#.*)?)$#i';
}

/**
 * The scenario of a pasted link, as a frame of the bundled embed page: it reads the link's own
 * settings (the part after `#` of a shared link, the same names) from its address.
 */
function tiermix_embed_link( $matches ) {
	$settings = isset( $matches['settings'] ) && '' !== $matches['settings'] ? $matches['settings'] : ( isset( $matches['scenario'] ) ? $matches['scenario'] : '' );
	$settings = ltrim( mb_substr( $settings, 0, 4 * TIERMIX_MAX_SETTING ), '?' );
	$source   = tiermix_calculator_url() . 'embed.html' . ( '' === $settings ? '' : '?' . $settings );
	wp_enqueue_script( 'tiermix-frame-height' );
	wp_enqueue_style( 'tiermix' );
	return sprintf(
		'<iframe class="tiermix" title="%s" src="%s" width="100%%" height="%d" loading="lazy"></iframe>',
		esc_attr__( 'tiermix calculator', 'tiermix' ),
		esc_url( $source ),
		680
	);
}
