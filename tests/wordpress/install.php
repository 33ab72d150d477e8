<?php
// Creates the test blog from nothing: WordPress's own installer, an Author (no unfiltered_html,
// as on most multi-author blogs) beside the Administrator, and an application password for
// each, which the tests publish with through the REST API. Prints them as JSON.
// Run with TIERMIX_WORDPRESS_CONFIG set (the per-run wp-config, see site.mjs).
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';

// The installer mails the new administrator; a test machine has no mail to send.
function wp_mail() {
	return true;
}

require '/usr/share/wordpress/wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';

$admin_password = wp_generate_password( 24, false );
$result         = wp_install( 'A tiermix test blog', 'admin', 'admin@example.org', false, '', $admin_password, 'en_US' );
$author_password = wp_generate_password( 24, false );
$author         = wp_insert_user(
	array(
		'user_login' => 'author',
		'user_pass'  => $author_password,
		'user_email' => 'author@example.org',
		'role'       => 'author',
	)
);
if ( is_wp_error( $author ) ) {
	fwrite( STDERR, $author->get_error_message() . "\n" );
	exit( 1 );
}
$users = array();
foreach ( array( 'admin' => array( $result['user_id'], $admin_password ), 'author' => array( $author, $author_password ) ) as $role => list( $id, $password ) ) {
	list( $application ) = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'tiermix tests' ) );
	$users[ $role ]      = array( 'login' => $role, 'password' => $password, 'application' => $application );
}
echo wp_json_encode( array( 'theme' => get_stylesheet(), 'users' => $users ) );
