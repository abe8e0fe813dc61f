/* Material for MkDocs fetches "sitemap.xml" next to every <link rel="alternate">
   (it expects language versions of the site). For our feeds and calendars that
   is a pointless request, to the production host even on a local copy. This
   runs just before Material's script and retags the links in the page only;
   the HTML keeps rel="alternate" for feed readers and calendar apps. */
document.querySelectorAll('link[rel="alternate"][type]').forEach(function (link) {
  link.setAttribute("rel", "alternate feed");
});
