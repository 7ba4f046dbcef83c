// Bedside's service worker. It keeps ONE thing for offline use: the offline page and the few
// static files it needs. It never stores a page, an API answer or anything about a patient:
// navigations always go to the network (and only when that fails is the offline page shown),
// everything else is left to the browser. It also shows Web Push notices, whose text says only
// that there is a new secure message (the same words as the email and text message notices).
"use strict";

var CACHE = "bedside-offline-v1";
var OFFLINE = "/offline.html";
// The complete list of what may be cached. Nothing else is ever put in the cache.
var OFFLINE_ASSETS = [OFFLINE, "/css/bedside.css", "/img/icons/icon-192.png"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(OFFLINE_ASSETS);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== CACHE; })
      .map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") {
    return;
  }
  if (request.mode === "navigate") {
    // Network only: a page is never stored; offline, the offline page stands in for it.
    event.respondWith(fetch(request).catch(function () {
      return caches.match(OFFLINE);
    }));
    return;
  }
  var url = new URL(request.url);
  if (url.origin === self.location.origin && OFFLINE_ASSETS.indexOf(url.pathname) >= 0 && !url.search) {
    // The offline page's own files: fresh from the network, the kept copy only when offline.
    event.respondWith(fetch(request).catch(function () {
      return caches.match(url.pathname);
    }));
  }
  // Anything else (API calls, event streams, attachments, pages' scripts) is not touched.
});

self.addEventListener("push", function (event) {
  var notice = { title: "Bedside", body: "", url: "/app" };
  if (event.data) {
    try {
      var data = event.data.json();
      notice.title = data.title || notice.title;
      notice.body = data.body || "";
      notice.url = data.url || notice.url;
    } catch (notJson) {
      notice.body = event.data.text();
    }
  }
  event.waitUntil(self.registration.showNotification(notice.title, {
    body: notice.body,
    icon: "/img/icons/icon-192.png",
    badge: "/img/icons/icon-192.png",
    tag: "bedside-notice",
    data: { url: notice.url }
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = "/app";
  try {
    var url = new URL((event.notification.data && event.notification.data.url) || "/app", self.location.origin);
    // Only ever open Bedside itself.
    if (url.origin === self.location.origin) {
      target = url.pathname + url.search;
    }
  } catch (badUrl) {
    target = "/app";
  }
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if ("focus" in windows[i] && "navigate" in windows[i]) {
        return windows[i].navigate(target).then(function (w) { return w ? w.focus() : self.clients.openWindow(target); });
      }
    }
    return self.clients.openWindow(target);
  }));
});
