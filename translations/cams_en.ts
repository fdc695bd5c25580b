<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_CA" sourcelanguage="en_CA">
<context>
    <name>Access</name>
    <message>
        <source>Your access level does not allow this action.</source>
        <translation>Your access level does not allow this action.</translation>
    </message>
    <message>
        <source>There is no active staff member named {0}.</source>
        <translation>There is no active staff member named {0}.</translation>
    </message>
    <message>
        <source>See all students of the school</source>
        <extracomment>Cells (header included) from which characters an .xlsx cannot hold were removed, or whose over-long text was cut. Always 0 for CSV and text. Cells (header included) whose text was neutralised as a would-be formula.</extracomment>
        <translation>See all students of the school</translation>
    </message>
    <message>
        <source>See the student list (own students)</source>
        <translation>See the student list (own students)</translation>
    </message>
    <message>
        <source>Search students, save searches</source>
        <extracomment>Rows between two calls of ``cancel`` and ``progress``.</extracomment>
        <translation>Search students, save searches</translation>
    </message>
    <message>
        <source>Export the student list</source>
        <translation>Export the student list</translation>
    </message>
    <message>
        <source>Add a student</source>
        <translation>Add a student</translation>
    </message>
    <message>
        <source>Edit a student profile</source>
        <translation>Edit a student profile</translation>
    </message>
    <message>
        <source>Deactivate or reactivate a plan</source>
        <translation>Deactivate or reactivate a plan</translation>
    </message>
    <message>
        <source>View plans, resumes, journals and readiness</source>
        <translation>View plans, resumes, journals and readiness</translation>
    </message>
    <message>
        <source>View a student&apos;s login history</source>
        <translation>View a student&apos;s login history</translation>
    </message>
    <message>
        <source>Allow or stop inviting others</source>
        <translation>Allow or stop inviting others</translation>
    </message>
    <message>
        <source>Reset a student&apos;s password</source>
        <translation>Reset a student&apos;s password</translation>
    </message>
    <message>
        <source>Print usernames and login slips</source>
        <translation>Print usernames and login slips</translation>
    </message>
    <message>
        <source>Promote, demote or graduate students</source>
        <translation>Promote, demote or graduate students</translation>
    </message>
    <message>
        <source>Year-end rollover of the school</source>
        <translation>Year-end rollover of the school</translation>
    </message>
    <message>
        <source>Transfer a student to another school</source>
        <translation>Transfer a student to another school</translation>
    </message>
    <message>
        <source>Import students from a roster file</source>
        <translation>Import students from a roster file</translation>
    </message>
    <message>
        <source>Create private and shared groups</source>
        <translation>Create private and shared groups</translation>
    </message>
    <message>
        <source>Create, edit and delete managed groups</source>
        <translation>Create, edit and delete managed groups</translation>
    </message>
    <message>
        <source>Read notes on a student</source>
        <translation>Read notes on a student</translation>
    </message>
    <message>
        <source>Add a note (only the author edits it)</source>
        <translation>Add a note (only the author edits it)</translation>
    </message>
    <message>
        <source>Read counselling logs</source>
        <translation>Read counselling logs</translation>
    </message>
    <message>
        <source>Write counselling log entries (only the author edits them)</source>
        <translation>Write counselling log entries (only the author edits them)</translation>
    </message>
    <message>
        <source>Write group counselling entries</source>
        <translation>Write group counselling entries</translation>
    </message>
    <message>
        <source>Mark the annual review complete</source>
        <translation>Mark the annual review complete</translation>
    </message>
    <message>
        <source>Send messages to own students</source>
        <translation>Send messages to own students</translation>
    </message>
    <message>
        <source>Send messages to all students</source>
        <translation>Send messages to all students</translation>
    </message>
    <message>
        <source>See and delete sent messages</source>
        <translation>See and delete sent messages</translation>
    </message>
    <message>
        <source>Give assignments (only the author edits them)</source>
        <translation>Give assignments (only the author edits them)</translation>
    </message>
    <message>
        <source>See parent accounts</source>
        <translation>See parent accounts</translation>
    </message>
    <message>
        <source>Generate and delete activation codes</source>
        <translation>Generate and delete activation codes</translation>
    </message>
    <message>
        <source>Read parent comments</source>
        <translation>Read parent comments</translation>
    </message>
    <message>
        <source>Print parent access letters</source>
        <translation>Print parent access letters</translation>
    </message>
    <message>
        <source>See all staff</source>
        <translation>See all staff</translation>
    </message>
    <message>
        <source>Add, edit, deactivate or unlock staff of a lower level</source>
        <translation>Add, edit, deactivate or unlock staff of a lower level</translation>
    </message>
    <message>
        <source>Reset a staff password</source>
        <translation>Reset a staff password</translation>
    </message>
    <message>
        <source>Read the staff change log</source>
        <translation>Read the staff change log</translation>
    </message>
    <message>
        <source>Edit my profile and password</source>
        <translation>Edit my profile and password</translation>
    </message>
    <message>
        <source>Assign students to any counsellor</source>
        <translation>Assign students to any counsellor</translation>
    </message>
    <message>
        <source>Add or remove students on my own list</source>
        <translation>Add or remove students on my own list</translation>
    </message>
    <message>
        <source>See this permission table</source>
        <translation>See this permission table</translation>
    </message>
    <message>
        <source>Plan options</source>
        <translation>Plan options</translation>
    </message>
    <message>
        <source>Plan readiness standards</source>
        <translation>Plan readiness standards</translation>
    </message>
    <message>
        <source>Assessment options</source>
        <translation>Assessment options</translation>
    </message>
    <message>
        <source>Site settings, including the idle lock</source>
        <translation>Site settings, including the idle lock</translation>
    </message>
    <message>
        <source>Links and documents</source>
        <translation>Links and documents</translation>
    </message>
    <message>
        <source>Special contacts</source>
        <translation>Special contacts</translation>
    </message>
    <message>
        <source>Add or edit courses</source>
        <translation>Add or edit courses</translation>
    </message>
    <message>
        <source>Run and export reports (own students for levels 3 and 4)</source>
        <translation>Run and export reports (own students for levels 3 and 4)</translation>
    </message>
    <message>
        <source>Bulk print plans and resumes</source>
        <translation>Bulk print plans and resumes</translation>
    </message>
    <message>
        <source>Connect to the school server</source>
        <translation>Connect to the school server</translation>
    </message>
    <message>
        <source>Review and restore sync conflicts</source>
        <translation>Review and restore sync conflicts</translation>
    </message>
    <message>
        <source>Back up and restore the local database</source>
        <translation>Back up and restore the local database</translation>
    </message>
    <message>
        <source>Notes, counselling log entries and assignments: only their author edits or deletes them.</source>
        <translation>Notes, counselling log entries and assignments: only their author edits or deletes them.</translation>
    </message>
    <message>
        <source>Private notes: only their author reads them.</source>
        <translation>Private notes: only their author reads them.</translation>
    </message>
    <message>
        <source>Groups: a private group is seen by its creator only; a shared group is seen, edited and deleted by everyone; a managed group is seen by everyone and edited by program administrators.</source>
        <translation>Groups: a private group is seen by its creator only; a shared group is seen, edited and deleted by everyone; a managed group is seen by everyone and edited by program administrators.</translation>
    </message>
    <message>
        <source>Teachers and other staff: only the students of their own list, in lists, search, exports, reports, printing and messages.</source>
        <translation>Teachers and other staff: only the students of their own list, in lists, search, exports, reports, printing and messages.</translation>
    </message>
    <message>
        <source>Staff administration: an administrator manages staff of a lower level; nobody raises their own level.</source>
        <translation>Staff administration: an administrator manages staff of a lower level; nobody raises their own level.</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>Working with a student</source>
        <translation>Working with a student</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>Parents</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Customization</source>
        <translation>Customization</translation>
    </message>
    <message>
        <source>Reports and printing</source>
        <translation>Reports and printing</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Your account was deactivated or its access level changed. Sign in again to continue.</source>
        <translation>Your account was deactivated or its access level changed. Sign in again to continue.</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Counsellor tool usage agreement</source>
        <translation>Counsellor tool usage agreement</translation>
    </message>
    <message>
        <source>Read and accept the agreement (edition {0}) to use CAMS Desktop.</source>
        <translation>Read and accept the agreement (edition {0}) to use CAMS Desktop.</translation>
    </message>
    <message>
        <source>I accept</source>
        <translation>I accept</translation>
    </message>
    <message>
        <source>I decline</source>
        <translation>I decline</translation>
    </message>
</context>
<context>
    <name>AnnualReviewDialog</name>
    <message>
        <source>Annual review — {0} {1}</source>
        <translation>Annual review — {0} {1}</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>School year</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>This school year&apos;s review</source>
        <translation>This school year&apos;s review</translation>
    </message>
    <message>
        <source>The student&apos;s grade ({0}) does not require an annual review.</source>
        <translation>The student&apos;s grade ({0}) does not require an annual review.</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>Mark this year&apos;s review complete</source>
        <translation>Mark this year&apos;s review complete</translation>
    </message>
    <message>
        <source>The comment you are writing is not saved. Close and lose it?</source>
        <translation>The comment you are writing is not saved. Close and lose it?</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>CAMS Desktop</source>
        <translation>CAMS Desktop</translation>
    </message>
    <message>
        <source>The operation could not be completed and nothing was changed.

{0}

Details are in the log file {1}.</source>
        <translation>The operation could not be completed and nothing was changed.

{0}

Details are in the log file {1}.</translation>
    </message>
</context>
<context>
    <name>Auth</name>
    <message>
        <source>Sign-in failed: check the school&apos;s site account, your username and your password, then try again. If you forgot your password, ask a program administrator of your school to reset it.</source>
        <translation>Sign-in failed: check the school&apos;s site account, your username and your password, then try again. If you forgot your password, ask a program administrator of your school to reset it.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait {0} seconds, then try again.</source>
        <translation>Too many failed attempts. Wait {0} seconds, then try again.</translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts, until {0}. An administrator of your school can unlock it sooner.</source>
        <translation>This account is locked after too many failed attempts, until {0}. An administrator of your school can unlock it sooner.</translation>
    </message>
    <message>
        <source>This account is deactivated. Ask a program administrator of your school to reactivate it.</source>
        <translation>This account is deactivated. Ask a program administrator of your school to reactivate it.</translation>
    </message>
    <message>
        <source>This staff member does not exist or was deleted.</source>
        <translation>This staff member does not exist or was deleted.</translation>
    </message>
    <message>
        <source>This edition of the usage agreement does not exist.</source>
        <translation>This edition of the usage agreement does not exist.</translation>
    </message>
    <message>
        <source>The password must have at least {0} characters.</source>
        <translation>The password must have at least {0} characters.</translation>
    </message>
    <message>
        <source>The password must have at most {0} characters.</source>
        <translation>The password must have at most {0} characters.</translation>
    </message>
    <message>
        <source>The password must not begin or end with a space.</source>
        <translation>The password must not begin or end with a space.</translation>
    </message>
    <message>
        <source>The password is too simple: mix letters with digits, capitals, spaces or punctuation, or use a few words.</source>
        <translation>The password is too simple: mix letters with digits, capitals, spaces or punctuation, or use a few words.</translation>
    </message>
    <message>
        <source>The password must not contain your name or username.</source>
        <translation>The password must not contain your name or username.</translation>
    </message>
    <message>
        <source>This password is one of the first that anyone would try.</source>
        <translation>This password is one of the first that anyone would try.</translation>
    </message>
    <message>
        <source>The new password must be different from the current one.</source>
        <translation>The new password must be different from the current one.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>The current password is not right.</translation>
    </message>
    <message>
        <source>Enter the username of the school&apos;s site account.</source>
        <translation>Enter the username of the school&apos;s site account.</translation>
    </message>
    <message>
        <source>The site account&apos;s username must have at most 64 characters, without control characters.</source>
        <translation>The site account&apos;s username must have at most 64 characters, without control characters.</translation>
    </message>
    <message>
        <source>The idle lock must be between 0 (never) and {0} minutes.</source>
        <translation>The idle lock must be between 0 (never) and {0} minutes.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CaseloadDialog</name>
    <message>
        <source>Assign students to a counsellor</source>
        <translation>Assign students to a counsellor</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Name or username</source>
        <translation>Name or username</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Last names from</source>
        <translation>Last names from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Add →</source>
        <translation>Add →</translation>
    </message>
    <message>
        <source>Add all shown →</source>
        <translation>Add all shown →</translation>
    </message>
    <message>
        <source>← Remove</source>
        <translation>← Remove</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>All grades</translation>
    </message>
    <message>
        <source>Students who can be added: {0}</source>
        <translation>Students who can be added: {0}</translation>
    </message>
    <message>
        <source>Students of this counsellor: {0}</source>
        <translation>Students of this counsellor: {0}</translation>
    </message>
    <message>
        <source>Students on my list</source>
        <translation>Students on my list</translation>
    </message>
    <message>
        <source>Type at least two letters of a name or username.</source>
        <translation>Type at least two letters of a name or username.</translation>
    </message>
</context>
<context>
    <name>Caseloads</name>
    <message>
        <source>This staff member does not exist or is not active.</source>
        <translation>This staff member does not exist or is not active.</translation>
    </message>
    <message>
        <source>A chosen student does not exist or is not in this school.</source>
        <translation>A chosen student does not exist or is not in this school.</translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <source>Staff change log</source>
        <translation>Staff change log</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Staff member: {0}
Changed by: {1}
Field: {2}

Before:
{3}

After:
{4}</source>
        <translation>Staff member: {0}
Changed by: {1}
Field: {2}

Before:
{3}

After:
{4}</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts and refused changes</source>
        <translation>Conflicts and refused changes</translation>
    </message>
    <message>
        <source>Changes of this desktop</source>
        <translation>Changes of this desktop</translation>
    </message>
    <message>
        <source>Open conflicts on the server</source>
        <translation>Open conflicts on the server</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Before both</source>
        <translation>Before both</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Merged value</source>
        <translation>Merged value</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Keep the server&apos;s value</source>
        <translation>Keep the server&apos;s value</translation>
    </message>
    <message>
        <source>Take the desktop&apos;s value</source>
        <translation>Take the desktop&apos;s value</translation>
    </message>
    <message>
        <source>Merge (the edited values)</source>
        <translation>Merge (the edited values)</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Reading the server&apos;s conflicts…</source>
        <translation>Reading the server&apos;s conflicts…</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s) on the server.</source>
        <translation>
            <numerusform>%n open conflict on the server.</numerusform>
            <numerusform>%n open conflicts on the server.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CounsellingLogDialog</name>
    <message>
        <source>(group)</source>
        <translation>(group)</translation>
    </message>
    <message>
        <source>Counselling log — {0} {1}</source>
        <translation>Counselling log — {0} {1}</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Session date</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>This entry is a copy of a group entry: to change it, edit the group entry (Group entries).</source>
        <translation>This entry is a copy of a group entry: to change it, edit the group entry (Group entries).</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Cancel editing</translation>
    </message>
    <message>
        <source>Delete this entry?</source>
        <translation>Delete this entry?</translation>
    </message>
    <message>
        <source>The entry you are writing is not saved. Close and lose it?</source>
        <translation>The entry you are writing is not saved. Close and lose it?</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>New entry</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>Add entry</translation>
    </message>
    <message>
        <source>Editing your entry</source>
        <translation>Editing your entry</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
</context>
<context>
    <name>CreateCodesDialog</name>
    <message>
        <source>Create activation codes</source>
        <translation>Create activation codes</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Usernames (optional)</source>
        <translation>Usernames (optional)</translation>
    </message>
    <message>
        <source>Which students</source>
        <translation>Which students</translation>
    </message>
    <message>
        <source>Valid for (days)</source>
        <translation>Valid for (days)</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>All grades</translation>
    </message>
    <message>
        <source>Any gender</source>
        <translation>Any gender</translation>
    </message>
    <message>
        <source>Any counsellor</source>
        <translation>Any counsellor</translation>
    </message>
    <message>
        <source>Only those without a valid code</source>
        <translation>Only those without a valid code</translation>
    </message>
    <message>
        <source>All (older codes are replaced)</source>
        <translation>All (older codes are replaced)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the list</source>
        <translation>Export the list</translation>
    </message>
    <message numerus="yes">
        <source>{0} students, as filtered and sorted in the list.</source>
        <translation>
            <numerusform>{0} student, as filtered and sorted in the list.</numerusform>
            <numerusform>{0} students, as filtered and sorted in the list.</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>CSV, comma-separated (.csv)</source>
        <translation>CSV, comma-separated (.csv)</translation>
    </message>
    <message>
        <source>Tab-delimited text (.txt)</source>
        <translation>Tab-delimited text (.txt)</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>Choose at least one column.</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Choose the file to write.</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>The folder {0} does not exist.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message numerus="yes">
        <source>{0} students written to {1}.</source>
        <translation>
            <numerusform>{0} student written to {1}.</numerusform>
            <numerusform>{0} students written to {1}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} cells held characters an Excel workbook cannot store; they were removed.</source>
        <translation>
            <numerusform>{0} cell held characters an Excel workbook cannot store; they were removed.</numerusform>
            <numerusform>{0} cells held characters an Excel workbook cannot store; they were removed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>{0} is a folder; give a file name.</source>
        <translation>{0} is a folder; give a file name.</translation>
    </message>
    <message>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} already exists. Replace it?</translation>
    </message>
    <message>
        <source>The file could not be written ({0}); nothing was saved.</source>
        <translation>The file could not be written ({0}); nothing was saved.</translation>
    </message>
    <message>
        <source>students</source>
        <translation>students</translation>
    </message>
</context>
<context>
    <name>GradeMoveDialog</name>
    <message>
        <source>Promote students</source>
        <translation>Promote students</translation>
    </message>
    <message>
        <source>Move students up one grade. Students in grade 12 stay where they are: graduate them instead.</source>
        <translation>Move students up one grade. Students in grade 12 stay where they are: graduate them instead.</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Promote</translation>
    </message>
    <message>
        <source>Demote students</source>
        <translation>Demote students</translation>
    </message>
    <message>
        <source>Move students down one grade. Students in grade 1 stay where they are.</source>
        <translation>Move students down one grade. Students in grade 1 stay where they are.</translation>
    </message>
    <message>
        <source>Demote</source>
        <translation>Demote</translation>
    </message>
    <message>
        <source>Graduate students</source>
        <translation>Graduate students</translation>
    </message>
    <message>
        <source>Graduated students leave the lists; their plan becomes inactive and stays readable by the student. Nothing is deleted.</source>
        <translation>Graduated students leave the lists; their plan becomes inactive and stays readable by the student. Nothing is deleted.</translation>
    </message>
    <message>
        <source>Graduate</source>
        <translation>Graduate</translation>
    </message>
    <message>
        <source>The selected students ({0})</source>
        <translation>The selected students ({0})</translation>
    </message>
    <message>
        <source>Every active plan of a grade:</source>
        <translation>Every active plan of a grade:</translation>
    </message>
    <message numerus="yes">
        <source>Grade {0} ({1} students)</source>
        <translation>
            <numerusform>Grade {0} ({1} student)</numerusform>
            <numerusform>Grade {0} ({1} students)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students will move up one grade.</source>
        <translation>
            <numerusform>{0} student will move up one grade.</numerusform>
            <numerusform>{0} students will move up one grade.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students will move down one grade.</source>
        <translation>
            <numerusform>{0} student will move down one grade.</numerusform>
            <numerusform>{0} students will move down one grade.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students promoted.</source>
        <translation>
            <numerusform>{0} student promoted.</numerusform>
            <numerusform>{0} students promoted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students demoted.</source>
        <translation>
            <numerusform>{0} student demoted.</numerusform>
            <numerusform>{0} students demoted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students graduated.</source>
        <translation>
            <numerusform>{0} student graduated.</numerusform>
            <numerusform>{0} students graduated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students stayed as they were:</source>
        <translation>
            <numerusform>{0} student stayed as they were:</numerusform>
            <numerusform>{0} students stayed as they were:</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} (grade {1}): {2}</source>
        <translation>{0} (grade {1}): {2}</translation>
    </message>
    <message numerus="yes">
        <source>{0} students will graduate: their plans are deactivated. Reactivating a plan undoes a graduation.</source>
        <translation>
            <numerusform>{0} student will graduate: their plan is deactivated. Reactivating a plan undoes a graduation.</numerusform>
            <numerusform>{0} students will graduate: their plans are deactivated. Reactivating a plan undoes a graduation.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Grades</name>
    <message>
        <source>Promoted</source>
        <translation>Promoted</translation>
    </message>
    <message>
        <source>Demoted</source>
        <translation>Demoted</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>Graduated</translation>
    </message>
    <message>
        <source>Year-end rollover</source>
        <translation>Year-end rollover</translation>
    </message>
    <message>
        <source>Rollover undone</source>
        <translation>Rollover undone</translation>
    </message>
    <message>
        <source>Already in grade {0}, the last grade: use Graduate.</source>
        <translation>Already in grade {0}, the last grade: use Graduate.</translation>
    </message>
    <message>
        <source>Already in grade {0}, the first grade.</source>
        <translation>Already in grade {0}, the first grade.</translation>
    </message>
    <message>
        <source>Already graduated.</source>
        <translation>Already graduated.</translation>
    </message>
    <message>
        <source>Plan inactive.</source>
        <translation>Plan inactive.</translation>
    </message>
    <message>
        <source>Already rolled over for {0}.</source>
        <translation>Already rolled over for {0}.</translation>
    </message>
    <message>
        <source>The school was already rolled over for {0}, a later year.</source>
        <translation>The school was already rolled over for {0}, a later year.</translation>
    </message>
    <message>
        <source>Grade changed since the rollover (now {0}).</source>
        <translation>Grade changed since the rollover (now {0}).</translation>
    </message>
    <message>
        <source>Plan status changed since the rollover.</source>
        <translation>Plan status changed since the rollover.</translation>
    </message>
    <message>
        <source>No longer a student of this school.</source>
        <translation>No longer a student of this school.</translation>
    </message>
    <message>
        <source>Graduates</source>
        <translation>Graduates</translation>
    </message>
    <message>
        <source>Finishing elementary school — transfer them</source>
        <translation>Finishing elementary school — transfer them</translation>
    </message>
    <message>
        <source>The grade must be between 1 and 12.</source>
        <translation>The grade must be between 1 and 12.</translation>
    </message>
    <message>
        <source>Write the school year as two years that follow, like 2026-2027.</source>
        <translation>Write the school year as two years that follow, like 2026-2027.</translation>
    </message>
    <message>
        <source>There is no rollover to undo.</source>
        <translation>There is no rollover to undo.</translation>
    </message>
    <message>
        <source>Students changed since the preview was made; nothing was changed. Preview the rollover again.</source>
        <translation>Students changed since the preview was made; nothing was changed. Preview the rollover again.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Graduation undone</source>
        <translation>Graduation undone</translation>
    </message>
</context>
<context>
    <name>GroupEntriesDialog</name>
    <message>
        <source>Group entries</source>
        <translation>Group entries</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>Session date</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Set members to the selected students</source>
        <translation>Set members to the selected students</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Cancel editing</translation>
    </message>
    <message>
        <source>{0} added, {1} removed</source>
        <translation>{0} added, {1} removed</translation>
    </message>
    <message>
        <source>Make the {0} selected students the students of this group entry? Students not selected lose their copy.</source>
        <translation>Make the {0} selected students the students of this group entry? Students not selected lose their copy.</translation>
    </message>
    <message>
        <source>The entry you are writing is not saved. Close and lose it?</source>
        <translation>The entry you are writing is not saved. Close and lose it?</translation>
    </message>
    <message>
        <source>Editing the group entry: the change reaches every student of the group.</source>
        <translation>Editing the group entry: the change reaches every student of the group.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>New group entry</source>
        <translation>New group entry</translation>
    </message>
    <message>
        <source>New group entry for the selected student</source>
        <translation>New group entry for the selected student</translation>
    </message>
    <message>
        <source>New group entry for the {0} selected students</source>
        <translation>New group entry for the {0} selected students</translation>
    </message>
</context>
<context>
    <name>GroupMembershipDialog</name>
    <message>
        <source>Add to group</source>
        <translation>Add to group</translation>
    </message>
    <message numerus="yes">
        <source>Add {0} selected students to:</source>
        <translation>
            <numerusform>Add {0} selected student to:</numerusform>
            <numerusform>Add {0} selected students to:</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Remove from group</translation>
    </message>
    <message numerus="yes">
        <source>Remove {0} selected students from:</source>
        <translation>
            <numerusform>Remove {0} selected student from:</numerusform>
            <numerusform>Remove {0} selected students from:</numerusform>
        </translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>There is no group you can change. Create one with Students › Manage groups.</source>
        <translation>There is no group you can change. Create one with Students › Manage groups.</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>This group does not exist or is not visible to you.</source>
        <translation>This group does not exist or is not visible to you.</translation>
    </message>
    <message>
        <source>A chosen student does not exist or is not in your list; no group was changed.</source>
        <translation>A chosen student does not exist or is not in your list; no group was changed.</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>Give the group a name.</translation>
    </message>
    <message>
        <source>A group name holds at most {0} characters.</source>
        <translation>A group name holds at most {0} characters.</translation>
    </message>
    <message>
        <source>The name contains a character that cannot be stored ({0}).</source>
        <translation>The name contains a character that cannot be stored ({0}).</translation>
    </message>
    <message>
        <source>There is already a group named “{0}”.</source>
        <translation>There is already a group named “{0}”.</translation>
    </message>
</context>
<context>
    <name>GroupsDialog</name>
    <message>
        <source>Manage groups</source>
        <translation>Manage groups</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Create the group</source>
        <translation>Create the group</translation>
    </message>
    <message>
        <source>Rename the group</source>
        <translation>Rename the group</translation>
    </message>
    <message>
        <source>New name of the group:</source>
        <translation>New name of the group:</translation>
    </message>
    <message>
        <source>Delete the group</source>
        <translation>Delete the group</translation>
    </message>
    <message>
        <source>Delete the group “{0}”? Its students stay in the school; only the group goes.</source>
        <translation>Delete the group “{0}”? Its students stay in the school; only the group goes.</translation>
    </message>
    <message>
        <source>Private (only I see it)</source>
        <translation>Private (only I see it)</translation>
    </message>
    <message>
        <source>Shared (everyone sees and changes it)</source>
        <translation>Shared (everyone sees and changes it)</translation>
    </message>
    <message>
        <source>Managed (everyone sees it; program administrators change it)</source>
        <translation>Managed (everyone sees it; program administrators change it)</translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <source>A topic needs a label in both languages.</source>
        <translation>A topic needs a label in both languages.</translation>
    </message>
    <message>
        <source>The label contains a character that cannot be stored ({0}).</source>
        <translation>The label contains a character that cannot be stored ({0}).</translation>
    </message>
    <message>
        <source>A label holds at most {0} characters.</source>
        <translation>A label holds at most {0} characters.</translation>
    </message>
    <message>
        <source>An entry needs a subject.</source>
        <translation>An entry needs a subject.</translation>
    </message>
    <message>
        <source>The subject contains a character that cannot be stored ({0}).</source>
        <translation>The subject contains a character that cannot be stored ({0}).</translation>
    </message>
    <message>
        <source>A subject holds at most {0} characters.</source>
        <translation>A subject holds at most {0} characters.</translation>
    </message>
    <message>
        <source>The description contains a character that cannot be stored ({0}).</source>
        <translation>The description contains a character that cannot be stored ({0}).</translation>
    </message>
    <message>
        <source>A description holds at most {0} characters.</source>
        <translation>A description holds at most {0} characters.</translation>
    </message>
    <message>
        <source>The session date cannot be in the future.</source>
        <translation>The session date cannot be in the future.</translation>
    </message>
    <message>
        <source>The session date cannot be before 2000.</source>
        <translation>The session date cannot be before 2000.</translation>
    </message>
    <message>
        <source>This topic is not in the school&apos;s list.</source>
        <translation>This topic is not in the school&apos;s list.</translation>
    </message>
    <message>
        <source>This entry does not exist or was deleted.</source>
        <translation>This entry does not exist or was deleted.</translation>
    </message>
    <message>
        <source>This entry belongs to a group entry: edit the group entry.</source>
        <translation>This entry belongs to a group entry: edit the group entry.</translation>
    </message>
    <message>
        <source>Choose at least one student.</source>
        <translation>Choose at least one student.</translation>
    </message>
    <message>
        <source>This group entry does not exist or was deleted.</source>
        <translation>This group entry does not exist or was deleted.</translation>
    </message>
    <message>
        <source>There is no grade {0}.</source>
        <translation>There is no grade {0}.</translation>
    </message>
    <message>
        <source>The review date cannot be in the future.</source>
        <translation>The review date cannot be in the future.</translation>
    </message>
    <message>
        <source>The review date must be in this school year.</source>
        <translation>The review date must be in this school year.</translation>
    </message>
    <message>
        <source>The comment contains a character that cannot be stored ({0}).</source>
        <translation>The comment contains a character that cannot be stored ({0}).</translation>
    </message>
    <message>
        <source>A comment holds at most {0} characters.</source>
        <translation>A comment holds at most {0} characters.</translation>
    </message>
    <message>
        <source>The readiness standards do not require an annual review in grade {0}.</source>
        <translation>The readiness standards do not require an annual review in grade {0}.</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Left out</translation>
    </message>
    <message>
        <source>File and line</source>
        <translation>File and line</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Changes or reason</source>
        <translation>Changes or reason</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import students</source>
        <translation>Import students</translation>
    </message>
    <message>
        <source>Choose the file exported by the school&apos;s information system: a CSV or Excel file, or a OneRoster or School Data Sync folder or zip file. Nothing is written before you have seen the preview and pressed Import.</source>
        <translation>Choose the file exported by the school&apos;s information system: a CSV or Excel file, or a OneRoster or School Data Sync folder or zip file. Nothing is written before you have seen the preview and pressed Import.</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <source>Say which column of the file holds each value. First name, last name and grade are required; the school remembers your choice for the next file laid out the same way.</source>
        <translation>Say which column of the file holds each value. First name, last name and grade are required; the school remembers your choice for the next file laid out the same way.</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(not in the file)</translation>
    </message>
    <message>
        <source>Dates such as 04/02/2010</source>
        <translation>Dates such as 04/02/2010</translation>
    </message>
    <message>
        <source>Tell from the dates</source>
        <translation>Tell from the dates</translation>
    </message>
    <message>
        <source>Day first (04/02/2010 is February 4)</source>
        <translation>Day first (04/02/2010 is February 4)</translation>
    </message>
    <message>
        <source>Month first (04/02/2010 is April 2)</source>
        <translation>Month first (04/02/2010 is April 2)</translation>
    </message>
    <message>
        <source>The file lists students of several schools. Check the school or schools whose students belong to this school.</source>
        <translation>The file lists students of several schools. Check the school or schools whose students belong to this school.</translation>
    </message>
    <message>
        <source>Show only the rows in error</source>
        <translation>Show only the rows in error</translation>
    </message>
    <message>
        <source>New students</source>
        <translation>New students</translation>
    </message>
    <message>
        <source>Students to update</source>
        <translation>Students to update</translation>
    </message>
    <message>
        <source>Students unchanged</source>
        <translation>Students unchanged</translation>
    </message>
    <message>
        <source>Rows in error (not imported)</source>
        <translation>Rows in error (not imported)</translation>
    </message>
    <message>
        <source>Rows left out</source>
        <translation>Rows left out</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Choose the roster file</source>
        <translation>Choose the roster file</translation>
    </message>
    <message>
        <source>Roster files (*.csv *.txt *.xlsx *.zip);;All files (*)</source>
        <translation>Roster files (*.csv *.txt *.xlsx *.zip);;All files (*)</translation>
    </message>
    <message>
        <source>Choose the roster folder</source>
        <translation>Choose the roster folder</translation>
    </message>
    <message>
        <source>The import failed; nothing was imported. ({0})</source>
        <translation>The import failed; nothing was imported. ({0})</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>1. The file</source>
        <translation>1. The file</translation>
    </message>
    <message>
        <source>2. The columns</source>
        <translation>2. The columns</translation>
    </message>
    <message>
        <source>3. The schools</source>
        <translation>3. The schools</translation>
    </message>
    <message>
        <source>4. Preview: nothing is written yet</source>
        <translation>4. Preview: nothing is written yet</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Choose the file, folder or zip to import.</source>
        <translation>Choose the file, folder or zip to import.</translation>
    </message>
    <message>
        <source>{0} does not exist.</source>
        <translation>{0} does not exist.</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Choose the column of: {0}.</source>
        <translation>Choose the column of: {0}.</translation>
    </message>
    <message numerus="yes">
        <source>{0} — {1} ({2} rows)</source>
        <translation>
            <numerusform>{0} — {1} ({2} row)</numerusform>
            <numerusform>{0} — {1} ({2} rows)</numerusform>
        </translation>
    </message>
    <message>
        <source>Check at least one school.</source>
        <translation>Check at least one school.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message numerus="yes">
        <source>{0} passwords in the file will be ignored: passwords are never stored.</source>
        <translation>
            <numerusform>{0} password in the file will be ignored: passwords are never stored.</numerusform>
            <numerusform>{0} passwords in the file will be ignored: passwords are never stored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} active students of the school are not in this file.</source>
        <translation>
            <numerusform>{0} active student of the school is not in this file.</numerusform>
            <numerusform>{0} active students of the school are not in this file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and {0} more</source>
        <translation>
            <numerusform>and {0} more</numerusform>
            <numerusform>and {0} more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deactivate the plans of these {0} students</source>
        <translation>
            <numerusform>Deactivate the plan of this student ({0})</numerusform>
            <numerusform>Deactivate the plans of these {0} students</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message numerus="yes">
        <source>{0} students added.</source>
        <translation>
            <numerusform>{0} student added.</numerusform>
            <numerusform>{0} students added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students updated.</source>
        <translation>
            <numerusform>{0} student updated.</numerusform>
            <numerusform>{0} students updated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students unchanged.</source>
        <translation>
            <numerusform>{0} student unchanged.</numerusform>
            <numerusform>{0} students unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} plans deactivated.</source>
        <translation>
            <numerusform>{0} plan deactivated.</numerusform>
            <numerusform>{0} plans deactivated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} rows in error were not imported.</source>
        <translation>
            <numerusform>{0} row in error was not imported.</numerusform>
            <numerusform>{0} rows in error were not imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} passwords in the file were ignored: passwords are never stored.</source>
        <translation>
            <numerusform>{0} password in the file was ignored: passwords are never stored.</numerusform>
            <numerusform>{0} passwords in the file were ignored: passwords are never stored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This import will deactivate the plans of {0} of the {1} active students of the school. Deactivate them?</source>
        <translation>
            <numerusform>This import will deactivate the plan of {0} of the {1} active students of the school. Deactivate it?</numerusform>
            <numerusform>This import will deactivate the plans of {0} of the {1} active students of the school. Deactivate them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <source>My Journal — {0} {1}</source>
        <translation>My Journal — {0} {1}</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>The student has written nothing yet.</source>
        <translation>The student has written nothing yet.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>Graduated</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Non-binary</source>
        <translation>Non-binary</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>French</source>
        <translation>French</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Program administrator</source>
        <translation>Program administrator</translation>
    </message>
    <message>
        <source>School administrator / counsellor</source>
        <translation>School administrator / counsellor</translation>
    </message>
    <message>
        <source>Teacher / counsellor</source>
        <translation>Teacher / counsellor</translation>
    </message>
    <message>
        <source>Other staff</source>
        <translation>Other staff</translation>
    </message>
    <message>
        <source>private</source>
        <translation>private</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>shared</translation>
    </message>
    <message>
        <source>managed</source>
        <translation>managed</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>Student number</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Expected graduation</source>
        <translation>Expected graduation</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Preferred language</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>Plan status</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Access level</translation>
    </message>
    <message>
        <source>Active account</source>
        <translation>Active account</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Agreement accepted (edition)</source>
        <translation>Agreement accepted (edition)</translation>
    </message>
    <message>
        <source>Agreement accepted on</source>
        <translation>Agreement accepted on</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Session locked</source>
        <translation>Session locked</translation>
    </message>
    <message>
        <source>CAMS Desktop was locked after a time without activity. Enter the password of {0} to continue where you were.</source>
        <translation>CAMS Desktop was locked after a time without activity. Enter the password of {0} to continue where you were.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the account is locked until {0}.</source>
        <translation>Too many wrong passwords: the account is locked until {0}.</translation>
    </message>
    <message>
        <source>That is not the right password.</source>
        <translation>That is not the right password.</translation>
    </message>
    <message>
        <source>Sign out and close CAMS Desktop? Unsaved changes are lost.</source>
        <translation>Sign out and close CAMS Desktop? Unsaved changes are lost.</translation>
    </message>
</context>
<context>
    <name>LogEntryEditor</name>
    <message>
        <source>Session date</source>
        <translation>Session date</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Subject *</source>
        <translation>Subject *</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>(no topic)</source>
        <translation>(no topic)</translation>
    </message>
</context>
<context>
    <name>LoginHistoryDialog</name>
    <message>
        <source>Login history — {0} {1}</source>
        <translation>Login history — {0} {1}</translation>
    </message>
    <message numerus="yes">
        <source>{0} logins</source>
        <translation>
            <numerusform>{0} login</numerusform>
            <numerusform>{0} logins</numerusform>
        </translation>
    </message>
    <message>
        <source>The student has never signed in.</source>
        <translation>The student has never signed in.</translation>
    </message>
    <message>
        <source>Last login: {0}</source>
        <translation>Last login: {0}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Planning site</source>
        <translation>Planning site</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>Mobile app</translation>
    </message>
</context>
<context>
    <name>MailSettingsDialog</name>
    <message>
        <source>Email settings</source>
        <translation>Email settings</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Mail server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <translation>None (not encrypted)</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored password</source>
        <translation>Leave empty to keep the stored password</translation>
    </message>
    <message>
        <source>Remove the stored password</source>
        <translation>Remove the stored password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CAMS — Counsellor home page — {0}</source>
        <translation>CAMS — Counsellor home page — {0}</translation>
    </message>
    <message>
        <source>&amp;Students</source>
        <translation>&amp;Students</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;View/Action</source>
        <translation>&amp;View/Action</translation>
    </message>
    <message>
        <source>View/Action</source>
        <translation>View/Action</translation>
    </message>
    <message>
        <source>Add a student</source>
        <translation>Add a student</translation>
    </message>
    <message>
        <source>Export the list…</source>
        <translation>Export the list…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>About CAMS Desktop</source>
        <translation>About CAMS Desktop</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Edit profile</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Deactivate plan</source>
        <translation>Deactivate plan</translation>
    </message>
    <message>
        <source>Reactivate plan</source>
        <translation>Reactivate plan</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Switch the interface language</source>
        <translation>Switch the interface language</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>CAMS Desktop {0}
Career and education planning administration.</source>
        <translation>CAMS Desktop {0}
Career and education planning administration.</translation>
    </message>
    <message>
        <source>Select a student first</source>
        <translation>Select a student first</translation>
    </message>
    <message numerus="yes">
        <source>and {0} more</source>
        <translation>
            <numerusform>and {0} more</numerusform>
            <numerusform>and {0} more</numerusform>
        </translation>
    </message>
    <message>
        <source>Deactivate the plan of these students? They leave the lists; nothing is deleted and the plan can be reactivated.

{0}</source>
        <translation>Deactivate the plan of these students? They leave the lists; nothing is deleted and the plan can be reactivated.

{0}</translation>
    </message>
    <message numerus="yes">
        <source>{0} plans deactivated.</source>
        <translation>
            <numerusform>{0} plan deactivated.</numerusform>
            <numerusform>{0} plans deactivated.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>Counsellor administration</source>
        <translation>Counsellor administration</translation>
    </message>
    <message>
        <source>Assign students to a counsellor</source>
        <translation>Assign students to a counsellor</translation>
    </message>
    <message>
        <source>Students on my list</source>
        <translation>Students on my list</translation>
    </message>
    <message>
        <source>Access levels and permissions</source>
        <translation>Access levels and permissions</translation>
    </message>
    <message>
        <source>&amp;My account</source>
        <translation>&amp;My account</translation>
    </message>
    <message>
        <source>Edit my profile</source>
        <translation>Edit my profile</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Lock now</translation>
    </message>
    <message>
        <source>Print login slips…</source>
        <translation>Print login slips…</translation>
    </message>
    <message>
        <source>&amp;Parents</source>
        <translation>&amp;Parents</translation>
    </message>
    <message>
        <source>Parent portal accounts</source>
        <translation>Parent portal accounts</translation>
    </message>
    <message>
        <source>Print parent access letters…</source>
        <translation>Print parent access letters…</translation>
    </message>
    <message>
        <source>Site settings</source>
        <translation>Site settings</translation>
    </message>
    <message>
        <source>Counselling log</source>
        <translation>Counselling log</translation>
    </message>
    <message>
        <source>Annual review</source>
        <translation>Annual review</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Send message</translation>
    </message>
    <message>
        <source>View My Journal</source>
        <translation>View My Journal</translation>
    </message>
    <message>
        <source>Parent comments</source>
        <translation>Parent comments</translation>
    </message>
    <message>
        <source>Manage counselling logs</source>
        <translation>Manage counselling logs</translation>
    </message>
    <message>
        <source>Group entries</source>
        <translation>Group entries</translation>
    </message>
    <message>
        <source>Send a message…</source>
        <translation>Send a message…</translation>
    </message>
    <message>
        <source>Manage messages</source>
        <translation>Manage messages</translation>
    </message>
    <message>
        <source>Email settings</source>
        <translation>Email settings</translation>
    </message>
    <message>
        <source>Import students…</source>
        <translation>Import students…</translation>
    </message>
    <message>
        <source>Advanced search…</source>
        <translation>Advanced search…</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Saved searches</translation>
    </message>
    <message>
        <source>Manage groups</source>
        <translation>Manage groups</translation>
    </message>
    <message>
        <source>Add to group…</source>
        <translation>Add to group…</translation>
    </message>
    <message>
        <source>Remove from group…</source>
        <translation>Remove from group…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Login history</source>
        <translation>Login history</translation>
    </message>
    <message>
        <source>Allow inviting others</source>
        <translation>Allow inviting others</translation>
    </message>
    <message>
        <source>Plan options…</source>
        <translation>Plan options…</translation>
    </message>
    <message>
        <source>Promote…</source>
        <translation>Promote…</translation>
    </message>
    <message>
        <source>Demote…</source>
        <translation>Demote…</translation>
    </message>
    <message>
        <source>Graduate…</source>
        <translation>Graduate…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>Year-end rollover…</source>
        <translation>Year-end rollover…</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Year-end rollover</source>
        <translation>Year-end rollover</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message numerus="yes">
        <source>Give these students a new password? Their current password stops working at once.

{0}</source>
        <translation>
            <numerusform>Give this student a new password? Their current password stops working at once.

{0}</numerusform>
            <numerusform>Give these students a new password? Their current password stops working at once.

{0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop the selected students from inviting others?

Invitations already made: {0}. They are kept, but the planning site stops sharing the plans until inviting is allowed again.

{1}</source>
        <translation>Stop the selected students from inviting others?

Invitations already made: {0}. They are kept, but the planning site stops sharing the plans until inviting is allowed again.

{1}</translation>
    </message>
    <message>
        <source>No saved search yet</source>
        <translation>No saved search yet</translation>
    </message>
    <message>
        <source>Added to “{0}”: {1}; already in it: {2}.</source>
        <translation>Added to “{0}”: {1}; already in it: {2}.</translation>
    </message>
    <message>
        <source>Removed from “{0}”: {1}; not in it: {2}.</source>
        <translation>Removed from “{0}”: {1}; not in it: {2}.</translation>
    </message>
    <message>
        <source>Promote/demote students</source>
        <translation>Promote/demote students</translation>
    </message>
    <message>
        <source>School server…</source>
        <translation>School server…</translation>
    </message>
    <message>
        <source>Sync conflicts and refused changes…</source>
        <translation>Sync conflicts and refused changes…</translation>
    </message>
    <message>
        <source>Server password…</source>
        <translation>Server password…</translation>
    </message>
    <message>
        <source>Synchronize now</source>
        <translation>Synchronize now</translation>
    </message>
</context>
<context>
    <name>ManageLogsDialog</name>
    <message>
        <source>Manage counselling logs</source>
        <translation>Manage counselling logs</translation>
    </message>
    <message>
        <source>Name or username</source>
        <translation>Name or username</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Open the log</source>
        <translation>Open the log</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Counsellors</source>
        <translation>Counsellors</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Last update</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>All grades</translation>
    </message>
    <message>
        <source>All counsellors</source>
        <translation>All counsellors</translation>
    </message>
    <message>
        <source>This student is no longer in your list.</source>
        <translation>This student is no longer in your list.</translation>
    </message>
    <message>
        <source>Students shown: {0}</source>
        <translation>Students shown: {0}</translation>
    </message>
</context>
<context>
    <name>ManageMessagesDialog</name>
    <message>
        <source>Manage messages</source>
        <translation>Manage messages</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Emails sent</source>
        <translation>Emails sent</translation>
    </message>
    <message>
        <source>Emails pending</source>
        <translation>Emails pending</translation>
    </message>
    <message>
        <source>Emails failed</source>
        <translation>Emails failed</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Resend failed emails</source>
        <translation>Resend failed emails</translation>
    </message>
    <message>
        <source>Delete the message “{0}”? Students will no longer see it and unsent email copies are cancelled.</source>
        <translation>Delete the message “{0}”? Students will no longer see it and unsent email copies are cancelled.</translation>
    </message>
    <message numerus="yes">
        <source>{0} email copies will be sent again.</source>
        <translation>
            <numerusform>{0} email copy will be sent again.</numerusform>
            <numerusform>{0} email copies will be sent again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Enter the name or address of the mail server.</source>
        <translation>Enter the name or address of the mail server.</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535.</source>
        <translation>The port is a number from 1 to 65535.</translation>
    </message>
    <message>
        <source>Choose STARTTLS, SSL or no encryption.</source>
        <translation>Choose STARTTLS, SSL or no encryption.</translation>
    </message>
    <message>
        <source>This account name cannot be used.</source>
        <translation>This account name cannot be used.</translation>
    </message>
    <message>
        <source>{0} is not an email address.</source>
        <translation>{0} is not an email address.</translation>
    </message>
    <message>
        <source>The password could not be stored in the system keychain: {0}</source>
        <translation>The password could not be stored in the system keychain: {0}</translation>
    </message>
    <message>
        <source>This message does not exist or was deleted.</source>
        <translation>This message does not exist or was deleted.</translation>
    </message>
    <message>
        <source>Choose the students who will receive the message.</source>
        <translation>Choose the students who will receive the message.</translation>
    </message>
    <message>
        <source>This group does not exist or is not visible to you.</source>
        <translation>This group does not exist or is not visible to you.</translation>
    </message>
    <message>
        <source>A chosen student does not exist or is not in your list.</source>
        <translation>A chosen student does not exist or is not in your list.</translation>
    </message>
    <message>
        <source>A message needs a subject.</source>
        <translation>A message needs a subject.</translation>
    </message>
    <message>
        <source>A subject holds at most {0} characters.</source>
        <translation>A subject holds at most {0} characters.</translation>
    </message>
    <message>
        <source>The subject contains a character that cannot be sent ({0}).</source>
        <translation>The subject contains a character that cannot be sent ({0}).</translation>
    </message>
    <message>
        <source>A message cannot be empty.</source>
        <translation>A message cannot be empty.</translation>
    </message>
    <message>
        <source>A message holds at most {0} characters.</source>
        <translation>A message holds at most {0} characters.</translation>
    </message>
    <message>
        <source>The message contains a character that cannot be sent ({0}).</source>
        <translation>The message contains a character that cannot be sent ({0}).</translation>
    </message>
    <message>
        <source>No student with an active plan matches this choice.</source>
        <translation>No student with an active plan matches this choice.</translation>
    </message>
</context>
<context>
    <name>NewPasswordsDialog</name>
    <message numerus="yes">
        <source>New passwords</source>
        <translation>
            <numerusform>New password</numerusform>
            <numerusform>New passwords</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These passwords are shown only now and will not be shown again. Give them to the students in person or print their login slips.</source>
        <translation>
            <numerusform>This password is shown only now and will not be shown again. Give it to the student in person or print their login slip.</numerusform>
            <numerusform>These passwords are shown only now and will not be shown again. Give them to the students in person or print their login slips.</numerusform>
        </translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message numerus="yes">
        <source>Print the login slips</source>
        <translation>
            <numerusform>Print the login slip</numerusform>
            <numerusform>Print the login slips</numerusform>
        </translation>
    </message>
    <message>
        <source>login-slips</source>
        <translation>login-slips</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written ({0}).</source>
        <translation>The file could not be written ({0}).</translation>
    </message>
    <message>
        <source>Login slips saved in {0}.</source>
        <translation>Login slips saved in {0}.</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>A note cannot be empty.</source>
        <translation>A note cannot be empty.</translation>
    </message>
    <message>
        <source>A note holds at most {0} characters.</source>
        <translation>A note holds at most {0} characters.</translation>
    </message>
    <message>
        <source>This note does not exist or was deleted.</source>
        <translation>This note does not exist or was deleted.</translation>
    </message>
    <message>
        <source>The note contains a character that cannot be stored ({0}).</source>
        <translation>The note contains a character that cannot be stored ({0}).</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>(private)</source>
        <translation>(private)</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(edited)</translation>
    </message>
    <message>
        <source>Notes — {0} {1}</source>
        <translation>Notes — {0} {1}</translation>
    </message>
    <message>
        <source>Private (only I can see it)</source>
        <translation>Private (only I can see it)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Cancel editing</translation>
    </message>
    <message>
        <source>Delete this note?</source>
        <translation>Delete this note?</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>New note</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Editing your note</source>
        <translation>Editing your note</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>The note you are writing is not saved. Close and lose it?</source>
        <translation>The note you are writing is not saved. Close and lose it?</translation>
    </message>
</context>
<context>
    <name>ParentCommentsDialog</name>
    <message>
        <source>Parent comments — {0} {1}</source>
        <translation>Parent comments — {0} {1}</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>No parent has left a comment.</source>
        <translation>No parent has left a comment.</translation>
    </message>
</context>
<context>
    <name>ParentPortalDialog</name>
    <message>
        <source>Parent portal accounts</source>
        <translation>Parent portal accounts</translation>
    </message>
    <message>
        <source>Parent accounts</source>
        <translation>Parent accounts</translation>
    </message>
    <message>
        <source>Activation codes</source>
        <translation>Activation codes</translation>
    </message>
    <message>
        <source>Parent comments</source>
        <translation>Parent comments</translation>
    </message>
    <message>
        <source>Search a parent by name or email</source>
        <translation>Search a parent by name or email</translation>
    </message>
    <message>
        <source>Search the comments</source>
        <translation>Search the comments</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Create activation codes…</source>
        <translation>Create activation codes…</translation>
    </message>
    <message>
        <source>Delete the code</source>
        <translation>Delete the code</translation>
    </message>
    <message>
        <source>Print parent letters…</source>
        <translation>Print parent letters…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Not activated</source>
        <translation>Not activated</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message numerus="yes">
        <source>{0} activation codes created.</source>
        <translation>
            <numerusform>{0} activation code created.</numerusform>
            <numerusform>{0} activation codes created.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Parents</name>
    <message>
        <source>This parent does not exist or is not linked to your students.</source>
        <translation>This parent does not exist or is not linked to your students.</translation>
    </message>
    <message>
        <source>A selected student no longer exists in this school.</source>
        <translation>A selected student no longer exists in this school.</translation>
    </message>
    <message>
        <source>An activation code is valid for {0} to {1} days.</source>
        <translation>An activation code is valid for {0} to {1} days.</translation>
    </message>
    <message>
        <source>This activation code does not exist.</source>
        <translation>This activation code does not exist.</translation>
    </message>
    <message>
        <source>This activation code is not valid. Check it against your letter, or ask the school for a new one.</source>
        <translation>This activation code is not valid. Check it against your letter, or ask the school for a new one.</translation>
    </message>
    <message>
        <source>This activation code has already been used. Ask the school for a new one if you still need to open an account.</source>
        <translation>This activation code has already been used. Ask the school for a new one if you still need to open an account.</translation>
    </message>
    <message>
        <source>This activation code has expired. Ask the school for a new one.</source>
        <translation>This activation code has expired. Ask the school for a new one.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Your password was reset. Choose a new one before you continue.</source>
        <translation>Your password was reset. Choose a new one before you continue.</translation>
    </message>
    <message>
        <source>Choose a new password.</source>
        <translation>Choose a new password.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>The two new passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>PermissionTable</name>
    <message>
        <source>allowed</source>
        <translation>allowed</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>not allowed</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>PermissionsDialog</name>
    <message>
        <source>Access levels and permissions</source>
        <translation>Access levels and permissions</translation>
    </message>
    <message>
        <source>What each access level may do. The application enforces this table; it cannot be changed here.</source>
        <translation>What each access level may do. The application enforces this table; it cannot be changed here.</translation>
    </message>
</context>
<context>
    <name>PlanOptionsDialog</name>
    <message>
        <source>Plan options</source>
        <translation>Plan options</translation>
    </message>
    <message>
        <source>Who creates the plans</source>
        <translation>Who creates the plans</translation>
    </message>
    <message>
        <source>Student-directed: students create their own plan</source>
        <translation>Student-directed: students create their own plan</translation>
    </message>
    <message>
        <source>School-directed: staff create one plan per student</source>
        <translation>School-directed: staff create one plan per student</translation>
    </message>
    <message>
        <source>A student added here gets an account without a plan; they create their plan on the planning site. The planning site offers them “create new plan”.</source>
        <translation>A student added here gets an account without a plan; they create their plan on the planning site. The planning site offers them “create new plan”.</translation>
    </message>
    <message>
        <source>Adding a student creates their plan. The planning site does not offer “create new plan”: each student has the one plan the school made.</source>
        <translation>Adding a student creates their plan. The planning site does not offer “create new plan”: each student has the one plan the school made.</translation>
    </message>
    <message numerus="yes">
        <source>{0} students have no plan yet: the school creates their plans now. Continue?</source>
        <translation>
            <numerusform>{0} student has no plan yet: the school creates their plan now. Continue?</numerusform>
            <numerusform>{0} students have no plan yet: the school creates their plans now. Continue?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message numerus="yes">
        <source>{0} students selected in the list.</source>
        <translation>
            <numerusform>{0} student selected in the list.</numerusform>
            <numerusform>{0} students selected in the list.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print parent access letters</source>
        <translation>Print parent access letters</translation>
    </message>
    <message>
        <source>Print login slips</source>
        <translation>Print login slips</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Usernames (optional)</source>
        <translation>Usernames (optional)</translation>
    </message>
    <message>
        <source>Folder for the PDF files</source>
        <translation>Folder for the PDF files</translation>
    </message>
    <message>
        <source>Separated by spaces or commas</source>
        <translation>Separated by spaces or commas</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Make the PDF files</source>
        <translation>Make the PDF files</translation>
    </message>
    <message>
        <source>Open in the system viewer</source>
        <translation>Open in the system viewer</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>All grades</translation>
    </message>
    <message>
        <source>Any gender</source>
        <translation>Any gender</translation>
    </message>
    <message>
        <source>Any counsellor</source>
        <translation>Any counsellor</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>The folder {0} does not exist.</translation>
    </message>
    <message>
        <source>Making the PDF files…</source>
        <translation>Making the PDF files…</translation>
    </message>
    <message numerus="yes">
        <source>{0} pages in {1} files:</source>
        <translation>
            <numerusform>{0} page in {1} file(s):</numerusform>
            <numerusform>{0} pages in {1} file(s):</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled; no file was left behind.</source>
        <translation>Printing cancelled; no file was left behind.</translation>
    </message>
    <message>
        <source>The files could not be written ({0}).</source>
        <translation>The files could not be written ({0}).</translation>
    </message>
</context>
<context>
    <name>PrintJobs</name>
    <message>
        <source>No parent of these students has a valid activation code. Create the codes first.</source>
        <translation>No parent of these students has a valid activation code. Create the codes first.</translation>
    </message>
    <message>
        <source>parent-letters</source>
        <translation>parent-letters</translation>
    </message>
    <message>
        <source>No student matches these criteria.</source>
        <translation>No student matches these criteria.</translation>
    </message>
    <message>
        <source>login-slips</source>
        <translation>login-slips</translation>
    </message>
    <message>
        <source>{stem}-{n}-of-{total}.pdf</source>
        <translation>{stem}-{n}-of-{total}.pdf</translation>
    </message>
    <message>
        <source>There is no new password to print.</source>
        <translation>There is no new password to print.</translation>
    </message>
</context>
<context>
    <name>RolloverDialog</name>
    <message>
        <source>Year-end rollover</source>
        <translation>Year-end rollover</translation>
    </message>
    <message>
        <source>Next school year:</source>
        <translation>Next school year:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Apply the rollover</source>
        <translation>Apply the rollover</translation>
    </message>
    <message>
        <source>Undo the last rollover</source>
        <translation>Undo the last rollover</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Moving up</source>
        <translation>Moving up</translation>
    </message>
    <message>
        <source>Graduating</source>
        <translation>Graduating</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Finishing</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message numerus="yes">
        <source>Roll the school over to {0}? {1} students change grade or graduate. The rollover can be undone afterwards.</source>
        <translation>
            <numerusform>Roll the school over to {0}? {1} student changes grade or graduates. The rollover can be undone afterwards.</numerusform>
            <numerusform>Roll the school over to {0}? {1} students change grade or graduate. The rollover can be undone afterwards.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolling the school over…</source>
        <translation>Rolling the school over…</translation>
    </message>
    <message>
        <source>Undo the rollover to {0}? Grades and plan statuses go back to what they were before it.</source>
        <translation>Undo the rollover to {0}? Grades and plan statuses go back to what they were before it.</translation>
    </message>
    <message>
        <source>Undoing the rollover…</source>
        <translation>Undoing the rollover…</translation>
    </message>
    <message numerus="yes">
        <source>{0} students will change grade or graduate; {1} students in all.</source>
        <translation>
            <numerusform>{0} student will change grade or graduate; {1} students in all.</numerusform>
            <numerusform>{0} students will change grade or graduate; {1} students in all.</numerusform>
        </translation>
    </message>
    <message>
        <source>No rollover to undo.</source>
        <translation>No rollover to undo.</translation>
    </message>
    <message>
        <source>Last rollover: to {0}, on {1} by {2}.</source>
        <translation>Last rollover: to {0}, on {1} by {2}.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Nothing to change: the school is already rolled over to {0}.</source>
        <translation>Nothing to change: the school is already rolled over to {0}.</translation>
    </message>
    <message numerus="yes">
        <source>Rollover to {0} applied: {1} students changed grade or graduated.</source>
        <translation>
            <numerusform>Rollover to {0} applied: {1} student changed grade or graduated.</numerusform>
            <numerusform>Rollover to {0} applied: {1} students changed grade or graduated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollover to {0} undone: {1} students put back as they were.</source>
        <translation>
            <numerusform>Rollover to {0} undone: {1} student put back as they were.</numerusform>
            <numerusform>Rollover to {0} undone: {1} students put back as they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students changed since the rollover stay as they are now:</source>
        <translation>
            <numerusform>{0} student changed since the rollover stays as they are now:</numerusform>
            <numerusform>{0} students changed since the rollover stay as they are now:</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} (grade {1}): {2}</source>
        <translation>{0} (grade {1}): {2}</translation>
    </message>
</context>
<context>
    <name>RolloverTableModel</name>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Grade now</source>
        <translation>Grade now</translation>
    </message>
    <message>
        <source>Next grade</source>
        <translation>Next grade</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>The manifest says that this bundle has no users.</source>
        <translation>The manifest says that this bundle has no users.</translation>
    </message>
    <message>
        <source>The folder holds no CSV or Excel file.</source>
        <translation>The folder holds no CSV or Excel file.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>Student number</translation>
    </message>
    <message>
        <source>Identifier in the source system</source>
        <translation>Identifier in the source system</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Expected graduation</source>
        <translation>Expected graduation</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Preferred language</translation>
    </message>
    <message>
        <source>School identifier</source>
        <translation>School identifier</translation>
    </message>
    <message>
        <source>School name</source>
        <translation>School name</translation>
    </message>
    <message>
        <source>Status (active or inactive)</source>
        <translation>Status (active or inactive)</translation>
    </message>
    <message>
        <source>Password (never stored)</source>
        <translation>Password (never stored)</translation>
    </message>
    <message>
        <source>This is not a column mapping saved by CAMS.</source>
        <translation>This is not a column mapping saved by CAMS.</translation>
    </message>
    <message>
        <source>The users file (users.csv, with sourcedId) is missing.</source>
        <translation>The users file (users.csv, with sourcedId) is missing.</translation>
    </message>
    <message>
        <source>A parent contact needs a first and a last name.</source>
        <translation>A parent contact needs a first and a last name.</translation>
    </message>
    <message>
        <source>The file or folder does not exist.</source>
        <translation>The file or folder does not exist.</translation>
    </message>
    <message>
        <source>The file cannot be opened.</source>
        <translation>The file cannot be opened.</translation>
    </message>
    <message>
        <source>A value on this line is too long to be a roster value.</source>
        <translation>A value on this line is too long to be a roster value.</translation>
    </message>
    <message>
        <source>This is not a text file (CSV) nor an Excel workbook.</source>
        <translation>This is not a text file (CSV) nor an Excel workbook.</translation>
    </message>
    <message>
        <source>The file&apos;s characters are not in a known encoding (UTF-8, UTF-16 or Windows-1252).</source>
        <translation>The file&apos;s characters are not in a known encoding (UTF-8, UTF-16 or Windows-1252).</translation>
    </message>
    <message>
        <source>This row has more values than the header has columns.</source>
        <translation>This row has more values than the header has columns.</translation>
    </message>
    <message>
        <source>The file is empty: it has no header line.</source>
        <translation>The file is empty: it has no header line.</translation>
    </message>
    <message>
        <source>The zip file holds no CSV or Excel file.</source>
        <translation>The zip file holds no CSV or Excel file.</translation>
    </message>
    <message>
        <source>The zip file is protected by a password.</source>
        <translation>The zip file is protected by a password.</translation>
    </message>
    <message>
        <source>The zip file holds a path that leads outside of it.</source>
        <translation>The zip file holds a path that leads outside of it.</translation>
    </message>
    <message>
        <source>Two files have this name: keep only one of them.</source>
        <translation>Two files have this name: keep only one of them.</translation>
    </message>
    <message>
        <source>The input is too large: more than {0} MB once uncompressed.</source>
        <translation>The input is too large: more than {0} MB once uncompressed.</translation>
    </message>
    <message>
        <source>The zip file is damaged.</source>
        <translation>The zip file is damaged.</translation>
    </message>
    <message>
        <source>The Excel workbook is damaged or is not an .xlsx workbook.</source>
        <translation>The Excel workbook is damaged or is not an .xlsx workbook.</translation>
    </message>
    <message>
        <source>Workbooks in the old Excel format (.xls) cannot be read: save the file as .xlsx or CSV.</source>
        <translation>Workbooks in the old Excel format (.xls) cannot be read: save the file as .xlsx or CSV.</translation>
    </message>
    <message>
        <source>This column is not in the file.</source>
        <translation>This column is not in the file.</translation>
    </message>
    <message>
        <source>No column is chosen for: {0}.</source>
        <translation>No column is chosen for: {0}.</translation>
    </message>
    <message>
        <source>This column has dates written day first and others month first: correct the file.</source>
        <translation>This column has dates written day first and others month first: correct the file.</translation>
    </message>
    <message>
        <source>The dates of this column can be read day first or month first: choose the date order.</source>
        <translation>The dates of this column can be read day first or month first: choose the date order.</translation>
    </message>
    <message>
        <source>This is not a date.</source>
        <translation>This is not a date.</translation>
    </message>
    <message>
        <source>The year must have four digits.</source>
        <translation>The year must have four digits.</translation>
    </message>
    <message>
        <source>This date does not exist.</source>
        <translation>This date does not exist.</translation>
    </message>
    <message>
        <source>This date can be read day first or month first: choose the date order.</source>
        <translation>This date can be read day first or month first: choose the date order.</translation>
    </message>
    <message>
        <source>The grade is outside grades 1 to 12 (or is not a grade).</source>
        <translation>The grade is outside grades 1 to 12 (or is not a grade).</translation>
    </message>
    <message>
        <source>This gender is not recognized.</source>
        <translation>This gender is not recognized.</translation>
    </message>
    <message>
        <source>The language is not recognized: English or French.</source>
        <translation>The language is not recognized: English or French.</translation>
    </message>
    <message>
        <source>This status is not recognized: active or inactive.</source>
        <translation>This status is not recognized: active or inactive.</translation>
    </message>
    <message>
        <source>The value must be true or false.</source>
        <translation>The value must be true or false.</translation>
    </message>
    <message>
        <source>This column is in the file more than once: keep only one of them.</source>
        <translation>This column is in the file more than once: keep only one of them.</translation>
    </message>
    <message>
        <source>This time of day does not exist.</source>
        <translation>This time of day does not exist.</translation>
    </message>
    <message>
        <source>This column has dates written day first and others month first: choose the date order.</source>
        <translation>This column has dates written day first and others month first: choose the date order.</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <source>This preview cannot be imported as it is; preview the file again.</source>
        <translation>This preview cannot be imported as it is; preview the file again.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Import cancelled; nothing was imported.</translation>
    </message>
    <message>
        <source>Students changed since this preview was made (someone else may be editing them). Nothing was imported; preview the file again.</source>
        <translation>Students changed since this preview was made (someone else may be editing them). Nothing was imported; preview the file again.</translation>
    </message>
    <message>
        <source>Id in the school system</source>
        <translation>Id in the school system</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Parent: {0}</source>
        <translation>Parent: {0}</translation>
    </message>
    <message>
        <source>{0} ({1}, rows: {2})</source>
        <translation>{0} ({1}, rows: {2})</translation>
    </message>
    <message>
        <source>The file lists students of {0} schools: {1}. Choose the school or schools to import into this school.</source>
        <translation>The file lists students of {0} schools: {1}. Choose the school or schools to import into this school.</translation>
    </message>
    <message>
        <source>Several students of this school have this name and birth date, and the row has no id, student number or username to tell which.</source>
        <translation>Several students of this school have this name and birth date, and the row has no id, student number or username to tell which.</translation>
    </message>
    <message>
        <source>This row is the same student as line {0}.</source>
        <translation>This row is the same student as line {0}.</translation>
    </message>
    <message>
        <source>Not imported: the file marks this student as gone and CAMS has no such student.</source>
        <translation>Not imported: the file marks this student as gone and CAMS has no such student.</translation>
    </message>
    <message>
        <source>Left out: this student is in school {0} ({1}), which was not chosen for this import.</source>
        <translation>Left out: this student is in school {0} ({1}), which was not chosen for this import.</translation>
    </message>
    <message>
        <source>Line {0} has the same name and birth date, and neither row has an id, student number or username; only the first of the two rows can be imported.</source>
        <translation>Line {0} has the same name and birth date, and neither row has an id, student number or username; only the first of the two rows can be imported.</translation>
    </message>
    <message>
        <source>Line {0} has the same value; only the first of the two rows can be imported.</source>
        <translation>Line {0} has the same value; only the first of the two rows can be imported.</translation>
    </message>
    <message>
        <source>The grade is missing; a new student needs one.</source>
        <translation>The grade is missing; a new student needs one.</translation>
    </message>
    <message>
        <source>The student number {0} belongs to a student of another school of the board ({1}).</source>
        <translation>The student number {0} belongs to a student of another school of the board ({1}).</translation>
    </message>
    <message>
        <source>Another student of this school has this id ({0} {1}).</source>
        <translation>Another student of this school has this id ({0} {1}).</translation>
    </message>
    <message>
        <source>The username {0} belongs to a staff member.</source>
        <translation>The username {0} belongs to a staff member.</translation>
    </message>
    <message>
        <source>The username {0} belongs to a student of another school of the board ({1}).</source>
        <translation>The username {0} belongs to a student of another school of the board ({1}).</translation>
    </message>
    <message>
        <source>The username {0} belongs to another student of this school ({1} {2}).</source>
        <translation>The username {0} belongs to another student of this school ({1} {2}).</translation>
    </message>
    <message>
        <source>The username {0} is already taken.</source>
        <translation>The username {0} is already taken.</translation>
    </message>
    <message>
        <source>The file has problems (listed in the preview); correct them, then preview it again. Nothing was imported.</source>
        <translation>The file has problems (listed in the preview); correct them, then preview it again. Nothing was imported.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <source>This would deactivate the plans of {0} of the {1} active students; confirm it to go on. Nothing was imported.</source>
        <translation>This would deactivate the plans of {0} of the {1} active students; confirm it to go on. Nothing was imported.</translation>
    </message>
    <message>
        <source>The file has problems (listed in the preview): no plan is deactivated from it.</source>
        <translation>The file has problems (listed in the preview): no plan is deactivated from it.</translation>
    </message>
    <message>
        <source>The file lists no student of this school: no plan is deactivated from it.</source>
        <translation>The file lists no student of this school: no plan is deactivated from it.</translation>
    </message>
    <message>
        <source>No row of the file is a student of this school already: no plan is deactivated from it. Check the file and the school chosen.</source>
        <translation>No row of the file is a student of this school already: no plan is deactivated from it. Check the file and the school chosen.</translation>
    </message>
    <message>
        <source>({0} characters)</source>
        <translation>({0} characters)</translation>
    </message>
    <message>
        <source>Several students of this school have this name and birth date and no id or student number yet: CAMS cannot tell which one this row is.</source>
        <translation>Several students of this school have this name and birth date and no id or student number yet: CAMS cannot tell which one this row is.</translation>
    </message>
</context>
<context>
    <name>School</name>
    <message>
        <source>This database has no school administrator yet. Open the demo school with cams-desktop --demo, or create one with: cams demo --out FILE.</source>
        <translation>This database has no school administrator yet. Open the demo school with cams-desktop --demo, or create one with: cams demo --out FILE.</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>A saved search must be a JSON object.</source>
        <translation>A saved search must be a JSON object.</translation>
    </message>
    <message>
        <source>The saved search has no valid format version.</source>
        <translation>The saved search has no valid format version.</translation>
    </message>
    <message>
        <source>This search was saved by a newer version of CAMS Desktop.</source>
        <translation>This search was saved by a newer version of CAMS Desktop.</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0} contains “{1}”</source>
        <translation>{0} contains “{1}”</translation>
    </message>
    <message>
        <source>Counsellor: {0}</source>
        <translation>Counsellor: {0}</translation>
    </message>
    <message>
        <source>Group: {0}</source>
        <translation>Group: {0}</translation>
    </message>
    <message>
        <source>The saved search has an invalid value for “{0}”.</source>
        <translation>The saved search has an invalid value for “{0}”.</translation>
    </message>
    <message>
        <source>This group does not exist or is not visible to you.</source>
        <translation>This group does not exist or is not visible to you.</translation>
    </message>
    <message>
        <source>This saved search does not exist or was deleted.</source>
        <translation>This saved search does not exist or was deleted.</translation>
    </message>
    <message>
        <source>Give the search a name.</source>
        <translation>Give the search a name.</translation>
    </message>
    <message>
        <source>A search name holds at most {0} characters.</source>
        <translation>A search name holds at most {0} characters.</translation>
    </message>
    <message>
        <source>The name contains a character that cannot be stored ({0}).</source>
        <translation>The name contains a character that cannot be stored ({0}).</translation>
    </message>
    <message>
        <source>You already have a saved search named “{0}”.</source>
        <translation>You already have a saved search named “{0}”.</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Advanced search</source>
        <translation>Advanced search</translation>
    </message>
    <message>
        <source>Find the students who match all of:</source>
        <translation>Find the students who match all of:</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Grades</translation>
    </message>
    <message>
        <source>Username contains</source>
        <translation>Username contains</translation>
    </message>
    <message>
        <source>First name contains</source>
        <translation>First name contains</translation>
    </message>
    <message>
        <source>Last name contains</source>
        <translation>Last name contains</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>Plan status</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Clear the criteria</source>
        <translation>Clear the criteria</translation>
    </message>
    <message>
        <source>My saved searches</source>
        <translation>My saved searches</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Any counsellor</source>
        <translation>Any counsellor</translation>
    </message>
    <message>
        <source>Any plan status</source>
        <translation>Any plan status</translation>
    </message>
    <message>
        <source>Any gender</source>
        <translation>Any gender</translation>
    </message>
    <message>
        <source>Any group</source>
        <translation>Any group</translation>
    </message>
    <message>
        <source>This search was saved by a newer version of CAMS Desktop and cannot be used here.</source>
        <translation>This search was saved by a newer version of CAMS Desktop and cannot be used here.</translation>
    </message>
    <message>
        <source>Save the search</source>
        <translation>Save the search</translation>
    </message>
    <message>
        <source>Name of the search:</source>
        <translation>Name of the search:</translation>
    </message>
    <message>
        <source>Rename the search</source>
        <translation>Rename the search</translation>
    </message>
    <message>
        <source>New name of the search:</source>
        <translation>New name of the search:</translation>
    </message>
    <message>
        <source>Delete the search</source>
        <translation>Delete the search</translation>
    </message>
    <message>
        <source>Delete the saved search “{0}”?</source>
        <translation>Delete the saved search “{0}”?</translation>
    </message>
    <message>
        <source>Saved by a newer version of CAMS Desktop</source>
        <translation>Saved by a newer version of CAMS Desktop</translation>
    </message>
</context>
<context>
    <name>SendMessageDialog</name>
    <message>
        <source>Send a message</source>
        <translation>Send a message</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Students read the message in their plan and cannot reply to it. Those with an email address also receive a copy by email.</source>
        <translation>Students read the message in their plan and cannot reply to it. Those with an email address also receive a copy by email.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message numerus="yes">
        <source>The message was sent to {0} students.</source>
        <translation>
            <numerusform>The message was sent to {0} student.</numerusform>
            <numerusform>The message was sent to {0} students.</numerusform>
        </translation>
    </message>
    <message>
        <source>My students</source>
        <translation>My students</translation>
    </message>
    <message>
        <source>All students</source>
        <translation>All students</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>All grades</translation>
    </message>
    <message>
        <source>Any gender</source>
        <translation>Any gender</translation>
    </message>
    <message>
        <source>Any counsellor</source>
        <translation>Any counsellor</translation>
    </message>
    <message>
        <source>Any group</source>
        <translation>Any group</translation>
    </message>
    <message numerus="yes">
        <source>{0} students will receive it; {1} of them also by email.</source>
        <translation>
            <numerusform>{0} student will receive it; {1} also by email.</numerusform>
            <numerusform>{0} students will receive it; {1} of them also by email.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} selected students</source>
        <translation>
            <numerusform>{0} selected student</numerusform>
            <numerusform>{0} selected students</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>Give the server&apos;s name or address, such as cams.school.example.</source>
        <translation>Give the server&apos;s name or address, such as cams.school.example.</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535 (PostgreSQL uses 5432).</source>
        <translation>The port is a number from 1 to 65535 (PostgreSQL uses 5432).</translation>
    </message>
    <message>
        <source>The database name has letters, digits and underscores only, and starts with a letter.</source>
        <translation>The database name has letters, digits and underscores only, and starts with a letter.</translation>
    </message>
    <message>
        <source>The password could not be stored in the system keychain: {0}</source>
        <translation>The password could not be stored in the system keychain: {0}</translation>
    </message>
    <message>
        <source>Type your password for the school server.</source>
        <translation>Type your password for the school server.</translation>
    </message>
    <message>
        <source>The server takes desktops of schema {0} to {1}; this desktop has {2}. Install the CAMS Desktop the school&apos;s IT gives, or ask them to upgrade the server.</source>
        <translation>The server takes desktops of schema {0} to {1}; this desktop has {2}. Install the CAMS Desktop the school&apos;s IT gives, or ask them to upgrade the server.</translation>
    </message>
    <message>
        <source>Connected to {0}, encrypted (TLS). Server schema {1}.</source>
        <translation>Connected to {0}, encrypted (TLS). Server schema {1}.</translation>
    </message>
    <message>
        <source>Connected to {0}, not encrypted. Server schema {1}.</source>
        <translation>Connected to {0}, not encrypted. Server schema {1}.</translation>
    </message>
    <message>
        <source>The server login {0} is not an active staff member of this school: ask the school&apos;s IT to create or enable it.</source>
        <translation>The server login {0} is not an active staff member of this school: ask the school&apos;s IT to create or enable it.</translation>
    </message>
    <message>
        <source>The database {0} has no CAMS server: the school&apos;s IT sets it up with cams server init.</source>
        <translation>The database {0} has no CAMS server: the school&apos;s IT sets it up with cams server init.</translation>
    </message>
    <message>
        <source>The server refused the password of {0}: check your server password.</source>
        <translation>The server refused the password of {0}: check your server password.</translation>
    </message>
    <message>
        <source>The school requires encrypted transfer (TLS), but the server {0} does not offer it.</source>
        <translation>The school requires encrypted transfer (TLS), but the server {0} does not offer it.</translation>
    </message>
    <message>
        <source>The server has no database named {0}.</source>
        <translation>The server has no database named {0}.</translation>
    </message>
    <message>
        <source>The server {0} cannot be reached: check the address and that the server is running.</source>
        <translation>The server {0} cannot be reached: check the address and that the server is running.</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Server password</source>
        <translation>Server password</translation>
    </message>
    <message>
        <source>School server</source>
        <translation>School server</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Your server password</source>
        <translation>Your server password</translation>
    </message>
    <message>
        <source>The school requires encrypted transfer (TLS).</source>
        <translation>The school requires encrypted transfer (TLS).</translation>
    </message>
    <message>
        <source>Encrypted transfer (TLS) is not required: it is used when the server offers it. Site settings change this.</source>
        <translation>Encrypted transfer (TLS) is not required: it is used when the server offers it. Site settings change this.</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>ServerLogins</name>
    <message>
        <source>No such staff member.</source>
        <translation>No such staff member.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>The server cannot be reached; create the server login later with Staff administration → Server login…</source>
        <translation>The server cannot be reached; create the server login later with Staff administration → Server login…</translation>
    </message>
    <message>
        <source>Set your server password (My account → Server password…) to manage server logins.</source>
        <translation>Set your server password (My account → Server password…) to manage server logins.</translation>
    </message>
    <message>
        <source>{0} is not on the server yet: synchronize, then use Server login… again.</source>
        <translation>{0} is not on the server yet: synchronize, then use Server login… again.</translation>
    </message>
    <message>
        <source>Only program administrators manage server logins.</source>
        <translation>Only program administrators manage server logins.</translation>
    </message>
    <message>
        <source>{0} is deactivated: reactivate them first.</source>
        <translation>{0} is deactivated: reactivate them first.</translation>
    </message>
    <message>
        <source>You cannot turn off your own server login.</source>
        <translation>You cannot turn off your own server login.</translation>
    </message>
    <message>
        <source>The server refused: {0}</source>
        <translation>The server refused: {0}</translation>
    </message>
    <message>
        <source>This desktop is not connected to a school server.</source>
        <translation>This desktop is not connected to a school server.</translation>
    </message>
    <message>
        <source>The server cannot be reached; it turns the server login off when this desktop next synchronizes.</source>
        <translation>The server cannot be reached; it turns the server login off when this desktop next synchronizes.</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <source>Server login</source>
        <translation>Server login</translation>
    </message>
    <message>
        <source>A new password for the school server login of {0} {1} ({2}). Their current server password stops working.</source>
        <translation>A new password for the school server login of {0} {1} ({2}). Their current server password stops working.</translation>
    </message>
    <message>
        <source>New server password</source>
        <translation>New server password</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Type it again</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>CAMS — Sign in</source>
        <translation>CAMS — Sign in</translation>
    </message>
    <message>
        <source>School site account</source>
        <translation>School site account</translation>
    </message>
    <message>
        <source>Site username</source>
        <translation>Site username</translation>
    </message>
    <message>
        <source>Site password</source>
        <translation>Site password</translation>
    </message>
    <message>
        <source>Your counsellor account</source>
        <translation>Your counsellor account</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Forgot your login? Ask a program administrator of your school to reset your password: {0}.</source>
        <translation>Forgot your login? Ask a program administrator of your school to reset your password: {0}.</translation>
    </message>
    <message>
        <source>Forgot your login? Ask a program administrator of your school to reset your password.</source>
        <translation>Forgot your login? Ask a program administrator of your school to reset your password.</translation>
    </message>
    <message>
        <source>Demo school accounts (site account {0} / {1})</source>
        <translation>Demo school accounts (site account {0} / {1})</translation>
    </message>
    <message>
        <source>{0} — {1} (password {2})</source>
        <translation>{0} — {1} (password {2})</translation>
    </message>
    <message>
        <source>Too many failed attempts: wait {0} seconds, then try again.</source>
        <translation>Too many failed attempts: wait {0} seconds, then try again.</translation>
    </message>
    <message>
        <source>This account is locked until {0} after too many failed attempts. A program administrator can unlock it sooner.</source>
        <translation>This account is locked until {0} after too many failed attempts. A program administrator can unlock it sooner.</translation>
    </message>
</context>
<context>
    <name>SiteSettingsDialog</name>
    <message>
        <source>Site settings</source>
        <translation>Site settings</translation>
    </message>
    <message>
        <source>Lock after a time without activity</source>
        <translation>Lock after a time without activity</translation>
    </message>
    <message>
        <source>Minutes (0: never)</source>
        <translation>Minutes (0: never)</translation>
    </message>
    <message>
        <source>School site account (leave empty to keep the current one)</source>
        <translation>School site account (leave empty to keep the current one)</translation>
    </message>
    <message>
        <source>Site username</source>
        <translation>Site username</translation>
    </message>
    <message>
        <source>New site password</source>
        <translation>New site password</translation>
    </message>
    <message>
        <source>Encrypted transfer required (the sync connection must use TLS)</source>
        <translation>Encrypted transfer required (the sync connection must use TLS)</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>You can only manage staff of a lower access level than yours.</source>
        <translation>You can only manage staff of a lower access level than yours.</translation>
    </message>
    <message>
        <source>Nobody can change their own access level.</source>
        <translation>Nobody can change their own access level.</translation>
    </message>
    <message>
        <source>This staff member does not exist in this school.</source>
        <translation>This staff member does not exist in this school.</translation>
    </message>
    <message>
        <source>Someone else changed this staff member&apos;s access level meanwhile. Open the profile again.</source>
        <translation>Someone else changed this staff member&apos;s access level meanwhile. Open the profile again.</translation>
    </message>
    <message>
        <source>You cannot deactivate or reactivate your own account.</source>
        <translation>You cannot deactivate or reactivate your own account.</translation>
    </message>
</context>
<context>
    <name>StaffAdminDialog</name>
    <message>
        <source>Counsellor administration</source>
        <translation>Counsellor administration</translation>
    </message>
    <message>
        <source>Add a counsellor</source>
        <translation>Add a counsellor</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Give {0} {1} a new temporary password? Their current password stops working now.</source>
        <translation>Give {0} {1} a new temporary password? Their current password stops working now.</translation>
    </message>
    <message>
        <source>Server login…</source>
        <translation>Server login…</translation>
    </message>
    <message>
        <source>Creating the server login of {0}…</source>
        <translation>Creating the server login of {0}…</translation>
    </message>
    <message>
        <source>The server login {0} of {1} is ready.</source>
        <translation>The server login {0} of {1} is ready.</translation>
    </message>
    <message>
        <source>{0} was added, but their server login was not created: {1}</source>
        <translation>{0} was added, but their server login was not created: {1}</translation>
    </message>
    <message>
        <source>The server password of {0} was not set: {1}</source>
        <translation>The server password of {0} was not set: {1}</translation>
    </message>
    <message>
        <source>The server login of {0} is turned off.</source>
        <translation>The server login of {0} is turned off.</translation>
    </message>
    <message>
        <source>{0} had no server login.</source>
        <translation>{0} had no server login.</translation>
    </message>
    <message>
        <source>An unexpected error stopped it; see the log.</source>
        <translation>An unexpected error stopped it; see the log.</translation>
    </message>
</context>
<context>
    <name>StaffProfileDialog</name>
    <message>
        <source>Edit my profile</source>
        <translation>Edit my profile</translation>
    </message>
    <message>
        <source>Add a counsellor</source>
        <translation>Add a counsellor</translation>
    </message>
    <message>
        <source>Edit a staff profile</source>
        <translation>Edit a staff profile</translation>
    </message>
    <message>
        <source>Username *</source>
        <translation>Username *</translation>
    </message>
    <message>
        <source>First name *</source>
        <translation>First name *</translation>
    </message>
    <message>
        <source>Last name *</source>
        <translation>Last name *</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Access level</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Preferred language</translation>
    </message>
</context>
<context>
    <name>StaffTable</name>
    <message>
        <source>Deactivated</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Access level</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
</context>
<context>
    <name>StudentDialog</name>
    <message>
        <source>Add a student</source>
        <translation>Add a student</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Edit profile</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>Parents</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Add a parent</source>
        <translation>Add a parent</translation>
    </message>
    <message>
        <source>Remove from this student</source>
        <translation>Remove from this student</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>First name *</source>
        <translation>First name *</translation>
    </message>
    <message>
        <source>Last name *</source>
        <translation>Last name *</translation>
    </message>
    <message>
        <source>Grade *</source>
        <translation>Grade *</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Username *</source>
        <translation>Username *</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>Student number</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Expected graduation</source>
        <translation>Expected graduation</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Preferred language</translation>
    </message>
    <message>
        <source>Assigned counsellors</source>
        <translation>Assigned counsellors</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Known</translation>
    </message>
    <message>
        <source>Use {0}</source>
        <translation>Use {0}</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>The student will create their plan on the planning site; this school lets students direct their plans.</source>
        <translation>The student will create their plan on the planning site; this school lets students direct their plans.</translation>
    </message>
</context>
<context>
    <name>StudentExport</name>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>Plan status</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Readiness status</source>
        <translation>Readiness status</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>Choose at least one column.</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>The export holds students who are not in your list; nothing was written.</source>
        <translation>The export holds students who are not in your list; nothing was written.</translation>
    </message>
</context>
<context>
    <name>StudentListView</name>
    <message>
        <source>All students</source>
        <translation>All students</translation>
    </message>
    <message>
        <source>My students</source>
        <translation>My students</translation>
    </message>
    <message>
        <source>Filter by name or username</source>
        <translation>Filter by name or username</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>All grades</translation>
    </message>
    <message>
        <source>Grade {0}</source>
        <translation>Grade {0}</translation>
    </message>
    <message>
        <source>Any plan status</source>
        <translation>Any plan status</translation>
    </message>
    <message>
        <source>Any gender</source>
        <translation>Any gender</translation>
    </message>
    <message>
        <source>Any counsellor</source>
        <translation>Any counsellor</translation>
    </message>
    <message>
        <source>Any group</source>
        <translation>Any group</translation>
    </message>
    <message numerus="yes">
        <source>{0} of {1} students shown</source>
        <translation>
            <numerusform>{0} of {1} students shown</numerusform>
            <numerusform>{0} of {1} students shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Transferred students</source>
        <translation>Transferred students</translation>
    </message>
    <message>
        <source>Remove the search</source>
        <translation>Remove the search</translation>
    </message>
    <message>
        <source>Search: {0}</source>
        <translation>Search: {0}</translation>
    </message>
    <message numerus="yes">
        <source>{0} students transferred to another school</source>
        <translation>
            <numerusform>{0} student transferred to another school</numerusform>
            <numerusform>{0} students transferred to another school</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudentTable</name>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>Plan status</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Counsellor</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Readiness</translation>
    </message>
    <message>
        <source>{0} of {1} readiness requirements met</source>
        <translation>{0} of {1} readiness requirements met</translation>
    </message>
    <message>
        <source>Grade at transfer</source>
        <translation>Grade at transfer</translation>
    </message>
    <message>
        <source>Transferred on</source>
        <translation>Transferred on</translation>
    </message>
    <message>
        <source>Receiving school</source>
        <translation>Receiving school</translation>
    </message>
</context>
<context>
    <name>Students</name>
    <message>
        <source>This student does not exist or is not in your list.</source>
        <translation>This student does not exist or is not in your list.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>{0} is required.</source>
        <translation>{0} is required.</translation>
    </message>
    <message>
        <source>{0} is longer than {1} characters.</source>
        <translation>{0} is longer than {1} characters.</translation>
    </message>
    <message>
        <source>The grade must be between 1 and 12.</source>
        <translation>The grade must be between 1 and 12.</translation>
    </message>
    <message>
        <source>Username is required.</source>
        <translation>Username is required.</translation>
    </message>
    <message>
        <source>A username has 3 to 64 characters: letters without accents, digits, dots, hyphens or underscores, starting with a letter or a digit.</source>
        <translation>A username has 3 to 64 characters: letters without accents, digits, dots, hyphens or underscores, starting with a letter or a digit.</translation>
    </message>
    <message>
        <source>The username {0} is already taken in the school board. {1} is free.</source>
        <translation>The username {0} is already taken in the school board. {1} is free.</translation>
    </message>
    <message>
        <source>Another student of this school has the student number {0}.</source>
        <translation>Another student of this school has the student number {0}.</translation>
    </message>
    <message>
        <source>The student number is too long.</source>
        <translation>The student number is too long.</translation>
    </message>
    <message>
        <source>{0} is not an email address.</source>
        <translation>{0} is not an email address.</translation>
    </message>
    <message>
        <source>The birth date must be in the past.</source>
        <translation>The birth date must be in the past.</translation>
    </message>
    <message>
        <source>The birth date is before 1900.</source>
        <translation>The birth date is before 1900.</translation>
    </message>
    <message>
        <source>The expected graduation date must come after the birth date.</source>
        <translation>The expected graduation date must come after the birth date.</translation>
    </message>
    <message>
        <source>An assigned counsellor is not staff of this school.</source>
        <translation>An assigned counsellor is not staff of this school.</translation>
    </message>
    <message>
        <source>Parent {0}: {1}</source>
        <translation>Parent {0}: {1}</translation>
    </message>
    <message>
        <source>first and last names are required.</source>
        <translation>first and last names are required.</translation>
    </message>
    <message>
        <source>a name is too long.</source>
        <translation>a name is too long.</translation>
    </message>
    <message>
        <source>the phone number is too long.</source>
        <translation>the phone number is too long.</translation>
    </message>
    <message>
        <source>This parent does not exist in this school.</source>
        <translation>This parent does not exist in this school.</translation>
    </message>
    <message>
        <source>{0} contains a character that cannot be stored ({1}).</source>
        <translation>{0} contains a character that cannot be stored ({1}).</translation>
    </message>
    <message>
        <source>The student number contains a character that cannot be stored.</source>
        <translation>The student number contains a character that cannot be stored.</translation>
    </message>
    <message>
        <source>The expected graduation year must be between {0} and {1}.</source>
        <translation>The expected graduation year must be between {0} and {1}.</translation>
    </message>
    <message>
        <source>a character cannot be stored ({0}).</source>
        <translation>a character cannot be stored ({0}).</translation>
    </message>
    <message>
        <source>Someone else changed this field while you were editing it. It now reads: {0}</source>
        <translation>Someone else changed this field while you were editing it. It now reads: {0}</translation>
    </message>
    <message>
        <source>A username has 3 to 64 characters: letters without accents, digits, dots, hyphens or underscores, starting with a letter or a digit, and at most one @ (an email-style login).</source>
        <translation>A username has 3 to 64 characters: letters without accents, digits, dots, hyphens or underscores, starting with a letter or a digit, and at most one @ (an email-style login).</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>This desktop is not connected to a school server.</source>
        <translation>This desktop is not connected to a school server.</translation>
    </message>
    <message>
        <source>Set your server password (My account → Server password…) to synchronize.</source>
        <translation>Set your server password (My account → Server password…) to synchronize.</translation>
    </message>
    <message>
        <source>The server says only program administrators review conflicts.</source>
        <translation>The server says only program administrators review conflicts.</translation>
    </message>
    <message>
        <source>The server did not take this choice: {0}</source>
        <translation>The server did not take this choice: {0}</translation>
    </message>
    <message>
        <source>The server keeps asking for changes from number {0} on; synchronization stopped. Tell the school&apos;s IT.</source>
        <translation>The server keeps asking for changes from number {0} on; synchronization stopped. Tell the school&apos;s IT.</translation>
    </message>
    <message>
        <source>The server has lost changes this desktop sent before (it asks again from change {0}, older than what this desktop keeps). Tell the school&apos;s IT: the server may have been restored from an old backup.</source>
        <translation>The server has lost changes this desktop sent before (it asks again from change {0}, older than what this desktop keeps). Tell the school&apos;s IT: the server may have been restored from an old backup.</translation>
    </message>
    <message>
        <source>This desktop was offline longer than the server keeps deletions, and some of its changes are not sent yet; they stay here. Synchronize again when the server takes them.</source>
        <translation>This desktop was offline longer than the server keeps deletions, and some of its changes are not sent yet; they stay here. Synchronize again when the server takes them.</translation>
    </message>
    <message>
        <source>the server refused the sign-in ({0})</source>
        <translation>the server refused the sign-in ({0})</translation>
    </message>
    <message>
        <source>the server gave no answer to {0}</source>
        <translation>the server gave no answer to {0}</translation>
    </message>
    <message>
        <source>the server gave an unknown answer: {0}</source>
        <translation>the server gave an unknown answer: {0}</translation>
    </message>
    <message>
        <source>the server refused: {0}</source>
        <translation>the server refused: {0}</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Synchronize now</source>
        <translation>Synchronize now</translation>
    </message>
    <message>
        <source>Synchronizing…</source>
        <translation>Synchronizing…</translation>
    </message>
    <message>
        <source>Offline — next try {0}</source>
        <translation>Offline — next try {0}</translation>
    </message>
    <message>
        <source>Offline — trying again…</source>
        <translation>Offline — trying again…</translation>
    </message>
    <message>
        <source>Not synchronized: {0}</source>
        <translation>Not synchronized: {0}</translation>
    </message>
    <message>
        <source>Not synchronized yet</source>
        <translation>Not synchronized yet</translation>
    </message>
    <message>
        <source>Synchronized {0}</source>
        <translation>Synchronized {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>(oldest {0})</source>
        <translation>(oldest {0})</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) or refused change(s)</source>
        <translation>
            <numerusform>%n conflict or refused change</numerusform>
            <numerusform>%n conflicts or refused changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemporaryPasswordDialog</name>
    <message>
        <source>Temporary password</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>The temporary password of {0} {1} ({2}) is shown only now. Give it to them in person; they must choose a new one when they next sign in.</source>
        <translation>The temporary password of {0} {1} ({2}) is shown only now. Give it to them in person; they must choose a new one when they next sign in.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message numerus="yes">
        <source>Transfer {0} students to another school of the school board. Their plan and its history go with them; this school will no longer see them.</source>
        <translation>
            <numerusform>Transfer {0} student to another school of the school board. Their plan and its history go with them; this school will no longer see them.</numerusform>
            <numerusform>Transfer {0} students to another school of the school board. Their plan and its history go with them; this school will no longer see them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and {0} more</source>
        <translation>
            <numerusform>and {0} more</numerusform>
            <numerusform>and {0} more</numerusform>
        </translation>
    </message>
    <message>
        <source>Receiving school:</source>
        <translation>Receiving school:</translation>
    </message>
    <message>
        <source>There is no other school in the school board.</source>
        <translation>There is no other school in the school board.</translation>
    </message>
    <message numerus="yes">
        <source>{0} students transferred to {1}.</source>
        <translation>
            <numerusform>{0} student transferred to {1}.</numerusform>
            <numerusform>{0} students transferred to {1}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} students stayed:</source>
        <translation>
            <numerusform>{0} student stayed:</numerusform>
            <numerusform>{0} students stayed:</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Choose another school of the school board.</source>
        <translation>Choose another school of the school board.</translation>
    </message>
    <message>
        <source>Graduated students are not transferred.</source>
        <translation>Graduated students are not transferred.</translation>
    </message>
    <message>
        <source>{0} already has a student with the number {1}.</source>
        <translation>{0} already has a student with the number {1}.</translation>
    </message>
</context>
</TS>
