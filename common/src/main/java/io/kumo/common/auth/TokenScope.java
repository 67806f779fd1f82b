package io.kumo.common.auth;

/** What a token is scoped to; decides which roles it carries and whether it gets a catalog. */
public enum TokenScope {
    UNSCOPED, PROJECT, DOMAIN, SYSTEM
}
