"""What the site adds to each language's pages: language links, search indexes, sitemaps,
social metadata, the stylesheet bundle, the Content-Security-Policy, the reference pages, CLDR data."""
