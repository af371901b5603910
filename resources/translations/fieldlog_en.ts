<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CreateVaultDialog</name>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/unlock.py" line="189"/>
        <source>Too short: at least %n characters.</source>
        <translation>
            <numerusform>Too short: at least %n character.</numerusform>
            <numerusform>Too short: at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="169"/>
        <source>%n incident(s) will leave.</source>
        <translation>
            <numerusform>%n incident will leave.</numerusform>
            <numerusform>%n incidents will leave.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="225"/>
        <source>Exported %n incident(s)</source>
        <translation>
            <numerusform>Exported %n incident</numerusform>
            <numerusform>Exported %n incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="377"/>
        <source>%n testimony(ies) or observation(s) removed in this vault left out.</source>
        <translation>
            <numerusform>%n testimony or observation removed in this vault was left out (the bundle still has it).</numerusform>
            <numerusform>%n testimonies or observations removed in this vault were left out (the bundle still has them).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="382"/>
        <source>%n incident(s) also changed here: the bundle's details taken, this vault's kept in the history.</source>
        <translation>
            <numerusform>%n incident had also been changed in this vault since the sender's copy: the bundle's time, place, title and other details were taken, and this vault's are in the history.</numerusform>
            <numerusform>%n incidents had also been changed in this vault since the sender's copy: the bundle's time, place, title and other details were taken, and this vault's are in the history.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="376"/>
        <source>%n incident(s) older than this vault's records left as they are.</source>
        <translation>
            <numerusform>%n incident was older than this vault's records and was left as it is.</numerusform>
            <numerusform>%n incidents were older than this vault's records and were left as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="383"/>
        <source>%n testimony(ies) keep the narrower consent given in this vault.</source>
        <translation>
            <numerusform>%n testimony keeps the narrower consent given in this vault (the bundle had a wider one).</numerusform>
            <numerusform>%n testimonies keep the narrower consent given in this vault (the bundle had a wider one).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="328"/>
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="330"/>
        <source>%n testimony(ies)</source>
        <translation>
            <numerusform>%n testimony</numerusform>
            <numerusform>%n testimonies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="332"/>
        <source>%n media file(s)</source>
        <translation>
            <numerusform>%n media file</numerusform>
            <numerusform>%n media files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="338"/>
        <source>%n incident(s) were filtered by consent at export.</source>
        <translation>
            <numerusform>%n incident was filtered by consent at export.</numerusform>
            <numerusform>%n incidents were filtered by consent at export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/bundle_dialogs.py" line="346"/>
        <source>%n filtered incident(s), from an earlier FieldLog, are vouched for by the signature only, not by the custody log.</source>
        <translation>
            <numerusform>%n filtered incident, from an earlier FieldLog, is vouched for by the signature only, not by the custody log.</numerusform>
            <numerusform>%n filtered incidents, from an earlier FieldLog, are vouched for by the signature only, not by the custody log.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/main_window.py" line="255"/>
        <source>%n incident(s) shown</source>
        <translation>
            <numerusform>%n incident shown</numerusform>
            <numerusform>%n incidents shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/media_panel.py" line="172"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/media_panel.py" line="241"/>
        <source>%n file(s) attached.</source>
        <translation>
            <numerusform>%n file attached.</numerusform>
            <numerusform>%n files attached.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ObservationEditor</name>
    <message numerus="yes">
        <location filename="../../fieldlog/gui/child_lists.py" line="255"/>
        <source>Seen in %n other incident(s)</source>
        <translation>
            <numerusform>Seen in %n other incident</numerusform>
            <numerusform>Seen in %n other incidents</numerusform>
        </translation>
    </message>
</context>
</TS>
