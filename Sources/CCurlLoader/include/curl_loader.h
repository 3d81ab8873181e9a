// SPDX-License-Identifier: GPL-3.0-or-later
// A small HTTP GET on top of libcurl, loaded with dlopen on first use.
//
// Why dlopen: linking libcurl (or Foundation's URLSession, which links it) makes every run of the
// command load some sixty shared libraries (TLS, Kerberos, LDAP…), about 18 ms of start-up spent
// even when nothing is fetched. Only `ecouter feed` on an http(s) source needs it.
#ifndef ECOUTER_CURL_LOADER_H
#define ECOUTER_CURL_LOADER_H
#include <stddef.h>

/// Receives body bytes; returns 0 to abort the transfer (e.g. over a size limit), 1 to go on.
typedef int (*ecouter_body_fn)(const char *data, size_t size, void *context);

typedef struct {
    long status;              // HTTP status of the last response (0 when none)
    int curl_code;            // CURLcode of curl_easy_perform (0 is success)
    int aborted;              // 1 when the body callback stopped the transfer
    char content_type[256];   // Content-Type of the last response, or ""
    char effective_url[2048]; // the URL after redirects
    char error[256];          // libcurl's message, or ""
} ecouter_fetch_result;

/// 1 when libcurl could be loaded (libcurl.so.4), else 0; `why` gets the reason (may be NULL).
int ecouter_curl_load(char *why, size_t why_size);

/// GETs `url` (http and https only, also for redirects), following at most `max_redirects`,
/// within `timeout_ms` for the whole exchange. Returns 0 when a response arrived (any status),
/// -1 when libcurl is not available; transfer errors are in `result->curl_code`.
int ecouter_curl_get(const char *url, long timeout_ms, long max_redirects, const char *user_agent,
                     ecouter_body_fn body, void *context, ecouter_fetch_result *result);

/// libcurl's codes the caller tells apart.
enum {
    ECOUTER_CURLE_UNSUPPORTED_PROTOCOL = 1,
    ECOUTER_CURLE_WRITE_ERROR = 23,
    ECOUTER_CURLE_OPERATION_TIMEDOUT = 28,
    ECOUTER_CURLE_TOO_MANY_REDIRECTS = 47,
};
#endif
