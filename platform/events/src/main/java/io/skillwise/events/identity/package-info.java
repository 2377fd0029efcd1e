/**
 * Facts published by identity-service on {@code identity.user.v1}, keyed by user id.
 *
 * <p>Only the name, e-mail address, roles and public profile fields ever appear here: personal data beyond those
 * (phone, date of birth, address, credential documents) stays encrypted in identity's database and never travels.
 */
package io.skillwise.events.identity;
