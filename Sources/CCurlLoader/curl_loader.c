// SPDX-License-Identifier: GPL-3.0-or-later
#include "curl_loader.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

// The libcurl functions used, resolved with dlsym.
static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    int loaded;
    char why[256];
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) lib = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(curl.why, sizeof curl.why, "libcurl is not installed (%s)", dlerror());
        return;
    }
#define SYM(field, name) *(void **)(&curl.field) = dlsym(lib, name)
    SYM(global_init, "curl_global_init");
    SYM(easy_init, "curl_easy_init");
    SYM(easy_setopt, "curl_easy_setopt");
    SYM(easy_perform, "curl_easy_perform");
    SYM(easy_getinfo, "curl_easy_getinfo");
    SYM(easy_cleanup, "curl_easy_cleanup");
    SYM(easy_strerror, "curl_easy_strerror");
#undef SYM
    if (!curl.global_init || !curl.easy_init || !curl.easy_setopt || !curl.easy_perform || !curl.easy_getinfo
        || !curl.easy_cleanup || !curl.easy_strerror) {
        snprintf(curl.why, sizeof curl.why, "libcurl lacks the functions ecouter needs");
        return;
    }
    // Once, before any thread uses libcurl (its documented rule).
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(curl.why, sizeof curl.why, "libcurl failed to initialize");
        return;
    }
    curl.loaded = 1;
}

int ecouter_curl_load(char *why, size_t why_size) {
    pthread_once(&load_once, load);
    if (!curl.loaded && why && why_size) snprintf(why, why_size, "%s", curl.why);
    return curl.loaded;
}

typedef struct {
    ecouter_body_fn body;
    void *context;
    int aborted;
} sink;

static size_t write_body(char *data, size_t size, size_t count, void *user) {
    sink *s = user;
    if (!s->body(data, size * count, s->context)) {
        s->aborted = 1;
        return 0; // libcurl ends the transfer with CURLE_WRITE_ERROR
    }
    return size * count;
}

int ecouter_curl_get(const char *url, long timeout_ms, long max_redirects, const char *user_agent,
                     ecouter_body_fn body, void *context, ecouter_fetch_result *result) {
    memset(result, 0, sizeof *result);
    if (!ecouter_curl_load(NULL, 0)) {
        snprintf(result->error, sizeof result->error, "%s", curl.why);
        return -1;
    }
    CURL *handle = curl.easy_init();
    if (!handle) {
        snprintf(result->error, sizeof result->error, "libcurl could not start a transfer");
        return -1;
    }
    char error[CURL_ERROR_SIZE] = "";
    sink s = {body, context, 0};
    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    curl.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    curl.easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
    curl.easy_setopt(handle, CURLOPT_MAXREDIRS, max_redirects);
    curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);        // threads: no SIGALRM
    curl.easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, ""); // any encoding libcurl decodes
    curl.easy_setopt(handle, CURLOPT_USERAGENT, user_agent);
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, write_body);
    curl.easy_setopt(handle, CURLOPT_WRITEDATA, &s);
    CURLcode code = curl.easy_perform(handle);
    result->curl_code = (int)code;
    result->aborted = s.aborted;
    curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &result->status);
    char *type = NULL;
    if (curl.easy_getinfo(handle, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type)
        snprintf(result->content_type, sizeof result->content_type, "%s", type);
    char *effective = NULL;
    if (curl.easy_getinfo(handle, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
        snprintf(result->effective_url, sizeof result->effective_url, "%s", effective);
    snprintf(result->error, sizeof result->error, "%s", error[0] ? error : curl.easy_strerror(code));
    curl.easy_cleanup(handle);
    return 0;
}
