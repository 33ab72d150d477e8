<?php
// php -S router: serves WordPress as Debian's web server configuration does, with /wp-content/
// from the test site's own content folder (WP_CONTENT_DIR), everything else from
// /usr/share/wordpress.
$path    = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$content = getenv( 'TIERMIX_WORDPRESS_CONTENT' );
if ( 0 !== strpos( $path, '/wp-content/' ) ) {
	// What is not a file is WordPress's to answer (as its rewrite rules have it), /favicon.ico included.
	if ( '/' !== $path && ! file_exists( '/usr/share/wordpress' . $path ) ) {
		$_SERVER['SCRIPT_NAME'] = '/index.php';
		require '/usr/share/wordpress/index.php';
		return true;
	}
	return false;
}
$file = $content . substr( $path, strlen( '/wp-content' ) );
if ( false !== strpos( $path, '..' ) || ! is_file( $file ) || preg_match( '/\.php$/i', $file ) ) {
	http_response_code( 404 );
	return true;
}
$types = array(
	'js'   => 'text/javascript',
	'css'  => 'text/css',
	'wasm' => 'application/wasm',
	'json' => 'application/json',
	'html' => 'text/html; charset=utf-8',
	'svg'  => 'image/svg+xml',
	'csv'  => 'text/csv',
	'png'  => 'image/png',
	'woff2' => 'font/woff2',
);
$extension = strtolower( pathinfo( $file, PATHINFO_EXTENSION ) );
header( 'Content-Type: ' . ( $types[ $extension ] ?? 'application/octet-stream' ) );
header( 'Content-Length: ' . filesize( $file ) );
readfile( $file );
return true;
