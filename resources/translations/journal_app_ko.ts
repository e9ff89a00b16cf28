<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A markdown journal editor that never rewrites a byte you did not change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Data (sample journal, recovery files, caches): {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Settings: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendered {done} of {total} posts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site in {folder} holds {count} posts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} could not be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About journal_app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Data Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown Guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>Your unsaved text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On disk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportSiteDialog</name>
    <message>
        <source>Export Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render posts as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostFiles</name>
    <message>
        <source>Export HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s after the last key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> rem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a journal under git, commit the posts changed through journal_app this often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All journals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview line width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Git: commit every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This journal: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load remote images in the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render posts as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter commands or keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Compare: {disk} → {yours}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines marked − are only {disk}; lines marked + only in {yours}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
