<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CalendarExport</name>
    <message numerus="yes">
        <source>%n event(s) written to {0}: import the file into your calendar; importing it again updates them.</source>
        <translation>
            <numerusform>%n event written to {0}: import the file into your calendar; importing it again updates it.</numerusform>
            <numerusform>%n events written to {0}: import the file into your calendar; importing it again updates them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message numerus="yes">
        <source>%n open promise(s)</source>
        <translation>
            <numerusform>%n open promise</numerusform>
            <numerusform>%n open promises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n interaction</numerusform>
            <numerusform>%n interactions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message numerus="yes">
        <source>Checklist (%n open)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) open</source>
        <translation>
            <numerusform>%n day open</numerusform>
            <numerusform>%n days open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open promise(s)</source>
        <translation>
            <numerusform>%n open promise</numerusform>
            <numerusform>%n open promises</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelPicker</name>
    <message numerus="yes">
        <source>This is a {0} number, shared by %n countries, but {1} lists support in {2} only.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message numerus="yes">
        <source>%n suggested item(s) added.</source>
        <translation>
            <numerusform>%n suggested item added.</numerusform>
            <numerusform>%n suggested items added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactBanner</name>
    <message numerus="yes">
        <source>All %n warnings…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlineNotifier</name>
    <message numerus="yes">
        <source>%n complaint deadline(s) need you; see Promises.</source>
        <translation>
            <numerusform>%n complaint deadline needs you; see Promises.</numerusform>
            <numerusform>%n complaint deadlines need you; see Promises.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} deadline in %n day(s) ({1})</source>
        <translation>
            <numerusform>{0} deadline in %n day ({1})</numerusform>
            <numerusform>{0} deadline in %n days ({1})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DirectoryScreen</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueNotifier</name>
    <message numerus="yes">
        <source>%n promise(s) came due; see Promises.</source>
        <translation>
            <numerusform>%n promise came due; see Promises.</numerusform>
            <numerusform>%n promises came due; see Promises.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportResult</name>
    <message numerus="yes">
        <source>%n picture(s) of this case had not been read yet, so a secret they show is not covered: let the reading in the status bar finish, then export again.</source>
        <translation>
            <numerusform>%n picture of this case had not been read yet, so a secret it shows is not covered: let the reading in the status bar finish, then export again.</numerusform>
            <numerusform>%n pictures of this case had not been read yet, so a secret they show is not covered: let the reading in the status bar finish, then export again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message numerus="yes">
        <source>{0} and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Chat entry “{0}”: %n message(s)</source>
        <translation>
            <numerusform>Chat entry “{0}”: %n message</numerusform>
            <numerusform>Chat entry “{0}”: %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0}: %n message(s)</source>
        <translation>
            <numerusform>{0}: %n message</numerusform>
            <numerusform>{0}: %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New entries: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more with warnings</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed and unchanged</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not holding</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a published key</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsigned</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not checked</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform>
            <numerusform>overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>due in %n day</numerusform>
            <numerusform>due in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>{0} (%n message(s))</source>
        <translation>
            <numerusform>{0} (%n message)</numerusform>
            <numerusform>{0} (%n messages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n entry(s)</source>
        <translation>
            <numerusform>Import %n entry</numerusform>
            <numerusform>Import %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n entry(s) into «{0}»</source>
        <translation>
            <numerusform>Imported %n entry into «{0}»</numerusform>
            <numerusform>Imported %n entries into «{0}»</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InteractionCard</name>
    <message numerus="yes">
        <source>Show the whole note (%n character(s))</source>
        <translation>
            <numerusform>Show the whole note (%n character)</numerusform>
            <numerusform>Show the whole note (%n characters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveChecklist</name>
    <message numerus="yes">
        <source>Checklist: %n answered in this contact</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadingAlarm</name>
    <message numerus="yes">
        <source>%s (and %n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadingProgress</name>
    <message numerus="yes">
        <source>Reading pictures paused: %n file(s) wait</source>
        <translation>
            <numerusform>Reading pictures paused: %n file waits</numerusform>
            <numerusform>Reading pictures paused: %n files wait</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message numerus="yes">
        <source>about %Ln second(s)</source>
        <translation>
            <numerusform>about %Ln second</numerusform>
            <numerusform>about %Ln seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln minute(s)</source>
        <translation>
            <numerusform>about %Ln minute</numerusform>
            <numerusform>about %Ln minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln hour(s)</source>
        <translation>
            <numerusform>about %Ln hour</numerusform>
            <numerusform>about %Ln hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln day(s)</source>
        <translation>
            <numerusform>about %Ln day</numerusform>
            <numerusform>about %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln year(s)</source>
        <translation>
            <numerusform>about %Ln year</numerusform>
            <numerusform>about %Ln years</numerusform>
        </translation>
    </message>
</context>
</TS>
