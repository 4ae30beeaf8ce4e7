/*
 * crypto.h -- passwords, random tokens and constant-time compares.
 *
 * crypto.c is the only file that includes sodium.h.  Passwords are
 * hashed with argon2id (libsodium's crypto_pwhash_str, interactive
 * limits); session and preview tokens are 32 random bytes in base64url,
 * stored only as their BLAKE2b hash in hex.
 */
#ifndef CRYPTO_H
#define CRYPTO_H

#include <stddef.h>

#include "status.h"

#define TOKEN_LEN	43	/* base64url of 32 bytes, no padding */
#define TOKEN_HASH_LEN	64	/* hex of a 32-byte BLAKE2b hash */
#define PW_HASH_MAX	128	/* crypto_pwhash_STRBYTES */
#define PW_MIN_LEN	10	/* characters a staff password needs */

/* Call once before forking (sodium_init). ST_ERROR when it fails. */
enum status	crypto_init(void);

/* argon2id hash of pw into out (PW_HASH_MAX bytes). ST_ERROR on
 * failure (out of memory for the hash's working area). */
enum status	password_hash(const char *pw, char out[PW_HASH_MAX]);
/* 1 when pw matches the stored hash, else 0. */
int		password_verify(const char *hash, const char *pw);

/* A fresh random token, NUL-terminated, into out. */
void		token_new(char out[TOKEN_LEN + 1]);
/* 1 if t looks like a token of token_new(): TOKEN_LEN characters of
 * [A-Za-z0-9_-] (a link's token checked before it is hashed). */
int		token_valid(const char *t);
/* Hex BLAKE2b-256 of the token, NUL-terminated, into out. */
void		token_hash(const char *token, char out[TOKEN_HASH_LEN + 1]);
/* Wipe a secret from memory (not optimised away). */
void		secure_zero(void *, size_t);
/* Hex BLAKE2b-128 of the bytes a (na) followed by b (nb), into out:
 * content validators (ETag), not secrets. */
#define DIGEST_HEX_LEN	32
void		digest_hex(const void *a, size_t na, const void *b, size_t nb,
		    char out[DIGEST_HEX_LEN + 1]);
/* Hex SHA-256 of n bytes at p, into out (a picture's identity). */
#define SHA256_HEX_LEN	64
void		sha256_hex(const void *p, size_t n,
		    char out[SHA256_HEX_LEN + 1]);
/* Constant-time equality of two NUL-terminated strings; their lengths
 * are not secret. */
int		ct_streq(const char *, const char *);

#endif
