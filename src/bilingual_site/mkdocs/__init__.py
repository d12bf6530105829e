"""The MkDocs side: the plugin, what it reads of MkDocs and the i18n plugin. The only part of the
package that imports MkDocs, Material or mkdocs-static-i18n."""
