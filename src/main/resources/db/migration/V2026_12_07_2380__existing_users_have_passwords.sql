-- Users made before invitations existed chose their password at creation: their credential version says a password
-- is set (an invited user's stays 0 until they set one), so they count as admins who can log in.
update staff_user set credential_version = 1 where credential_version = 0;
