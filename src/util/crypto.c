/*
 * crypto.c -- the only door to libsodium.
 */
#include <string.h>

#include <sodium.h>

#include "crypto.h"

enum status
crypto_init(void)
{
	return sodium_init() < 0 ? ST_ERROR : ST_OK;
}

enum status
password_hash(const char *pw, char out[PW_HASH_MAX])
{
	_Static_assert(PW_HASH_MAX >= crypto_pwhash_STRBYTES, "hash size");
	if (crypto_pwhash_str_alg(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE,
	    crypto_pwhash_ALG_ARGON2ID13) != 0)
		return ST_ERROR;
	return ST_OK;
}

int
password_verify(const char *hash, const char *pw)
{
	if (hash == NULL || pw == NULL)
		return 0;
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

void
token_new(char out[TOKEN_LEN + 1])
{
	unsigned char	 raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, TOKEN_LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

int
token_valid(const char *t)
{
	size_t	i;

	for (i = 0; t[i] != '\0'; i++)
		if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' &&
		    t[i] <= 'Z') || (t[i] >= '0' && t[i] <= '9') ||
		    t[i] == '-' || t[i] == '_'))
			return 0;
	return i == TOKEN_LEN;
}

void
token_hash(const char *token, char out[TOKEN_HASH_LEN + 1])
{
	unsigned char	 h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
	    strlen(token), NULL, 0);
	sodium_bin2hex(out, TOKEN_HASH_LEN + 1, h, sizeof(h));
}

void
digest_hex(const void *a, size_t na, const void *b, size_t nb,
    char out[DIGEST_HEX_LEN + 1])
{
	crypto_generichash_state	 st;
	unsigned char			 h[DIGEST_HEX_LEN / 2];

	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, a, na);
	crypto_generichash_update(&st, b, nb);
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(out, DIGEST_HEX_LEN + 1, h, sizeof(h));
}

void
sha256_hex(const void *p, size_t n, char out[SHA256_HEX_LEN + 1])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, p, n);
	sodium_bin2hex(out, SHA256_HEX_LEN + 1, h, sizeof(h));
}

int
ct_streq(const char *a, const char *b)
{
	size_t	 n = strlen(a);

	if (n != strlen(b))
		return 0;
	return n == 0 || sodium_memcmp(a, b, n) == 0;
}

void
secure_zero(void *p, size_t n)
{
	sodium_memzero(p, n);
}
