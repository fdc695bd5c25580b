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
        <extracomment>Cells (header included) from which characters an .xlsx cannot hold were removed, or whose over-long text was cut. Always 0 for CSV and text. Cells (header included) whose text was neutralised as a would-be formula.</extracomment>
        <translation>There is no active staff member named {0}.</translation>
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
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
        <extracomment>Rows between two calls of ``cancel`` and ``progress``.</extracomment>
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
    <name>School</name>
    <message>
        <source>This database has no school administrator yet. Open the demo school with cams-desktop --demo, or create one with: cams demo --out FILE.</source>
        <translation>This database has no school administrator yet. Open the demo school with cams-desktop --demo, or create one with: cams demo --out FILE.</translation>
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
</context>
</TS>
