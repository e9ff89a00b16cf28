<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About journal_app</source>
        <translation>journal_app 정보</translation>
    </message>
    <message>
        <source>Open Data Folder</source>
        <translation>데이터 폴더 열기</translation>
    </message>
    <message>
        <source>Markdown Guide</source>
        <translation>마크다운 가이드</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Post…</source>
        <translation>새 글(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a new post in this journal</source>
        <translation>이 저널에 새 글을 만듭니다</translation>
    </message>
    <message>
        <source>&amp;Today&apos;s Entry</source>
        <translation>오늘의 글(&amp;T)</translation>
    </message>
    <message>
        <source>Create (or open) today&apos;s post from the journal&apos;s template</source>
        <translation>저널의 템플릿으로 오늘의 글을 만들거나 엽니다</translation>
    </message>
    <message>
        <source>&amp;Open Journal…</source>
        <translation>저널 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a journal folder</source>
        <translation>저널 폴더를 엽니다</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save the post</source>
        <translation>글을 저장합니다</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the post to another file</source>
        <translation>글을 다른 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Convert to &amp;UTF-8</source>
        <translation>UTF-8로 변환(&amp;U)</translation>
    </message>
    <message>
        <source>Save this legacy-encoded post as UTF-8 from now on</source>
        <translation>예전 인코딩으로 된 이 글을 앞으로는 UTF-8로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Export HTML…</source>
        <translation>HTML 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the post as a standalone HTML page</source>
        <translation>글을 독립된 HTML 페이지 하나로 내보냅니다</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>버전 기록(&amp;H)…</translation>
    </message>
    <message>
        <source>Earlier versions of the post, compared with the text now</source>
        <translation>글의 이전 버전을 지금의 글과 비교해 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>탭 닫기(&amp;C)</translation>
    </message>
    <message>
        <source>Close the post&apos;s tab (asks to save changes)</source>
        <translation>글의 탭을 닫습니다(바뀐 내용은 저장할지 묻습니다)</translation>
    </message>
    <message>
        <source>Ne&amp;xt Tab</source>
        <translation>다음 탭(&amp;X)</translation>
    </message>
    <message>
        <source>Show the next open post</source>
        <translation>열려 있는 다음 글을 보여 줍니다</translation>
    </message>
    <message>
        <source>Pre&amp;vious Tab</source>
        <translation>이전 탭(&amp;V)</translation>
    </message>
    <message>
        <source>Show the previous open post</source>
        <translation>열려 있는 이전 글을 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit journal_app</source>
        <translation>journal_app을 끝냅니다</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>마지막 작업을 취소합니다</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>취소한 작업을 다시 실행합니다</translation>
    </message>
    <message>
        <source>Paste as &amp;Plain Text</source>
        <translation>일반 텍스트로 붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Paste the clipboard&apos;s text only</source>
        <translation>클립보드의 텍스트만 붙여넣습니다</translation>
    </message>
    <message>
        <source>Export &amp;Site…</source>
        <translation>사이트 내보내기(&amp;S)…</translation>
    </message>
    <message>
        <source>Export the whole journal as a static site</source>
        <translation>저널 전체를 정적 사이트로 내보냅니다</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
        <source>Cut the selection to the clipboard</source>
        <translation>선택한 부분을 잘라 클립보드에 넣습니다</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selection to the clipboard</source>
        <translation>선택한 부분을 클립보드에 복사합니다</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Paste the clipboard&apos;s text</source>
        <translation>클립보드의 텍스트를 붙여넣습니다</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>모두 선택(&amp;A)</translation>
    </message>
    <message>
        <source>Select the whole post</source>
        <translation>글 전체를 선택합니다</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in the post</source>
        <translation>글에서 텍스트를 찾습니다</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>다음 찾기(&amp;N)</translation>
    </message>
    <message>
        <source>Find the next match</source>
        <translation>다음 일치 항목을 찾습니다</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>이전 찾기(&amp;V)</translation>
    </message>
    <message>
        <source>Find the previous match</source>
        <translation>이전 일치 항목을 찾습니다</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>바꾸기(&amp;E)…</translation>
    </message>
    <message>
        <source>Find and replace text in the post</source>
        <translation>글에서 텍스트를 찾아 바꿉니다</translation>
    </message>
    <message>
        <source>&amp;Search the Journal…</source>
        <translation>저널 검색(&amp;S)…</translation>
    </message>
    <message>
        <source>Search every post of the journal</source>
        <translation>저널의 모든 글에서 검색합니다</translation>
    </message>
    <message>
        <source>&amp;Go to Post…</source>
        <translation>글로 이동(&amp;G)…</translation>
    </message>
    <message>
        <source>Open a post by its title (초성 too: ㅅㅍ finds 싸피)</source>
        <translation>제목으로 글을 엽니다(초성으로도 찾을 수 있습니다: ㅅㅍ → 싸피)</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>굵게(&amp;B)</translation>
    </message>
    <message>
        <source>Make the selection bold</source>
        <translation>선택한 부분을 굵게 만듭니다</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>기울임꼴(&amp;I)</translation>
    </message>
    <message>
        <source>Make the selection italic</source>
        <translation>선택한 부분을 기울임꼴로 만듭니다</translation>
    </message>
    <message>
        <source>Inline &amp;Code</source>
        <translation>인라인 코드(&amp;C)</translation>
    </message>
    <message>
        <source>Make the selection inline code</source>
        <translation>선택한 부분을 인라인 코드로 만듭니다</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>링크(&amp;L)</translation>
    </message>
    <message>
        <source>Make the selection a link (to the address on the clipboard)</source>
        <translation>선택한 부분을 클립보드에 있는 주소로 가는 링크로 만듭니다</translation>
    </message>
    <message>
        <source>Check &amp;Spelling</source>
        <translation>맞춤법 검사(&amp;S)</translation>
    </message>
    <message>
        <source>Underline words the Korean and English dictionaries do not know</source>
        <translation>한국어·영어 사전에 없는 단어에 밑줄을 긋습니다</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경 설정(&amp;P)…</translation>
    </message>
    <message>
        <source>Autosave, font, theme and this journal&apos;s settings</source>
        <translation>자동 저장, 글꼴, 테마와 이 저널의 설정을 바꿉니다</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Larger editor text</source>
        <translation>편집기의 글자를 크게 합니다</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>Smaller editor text</source>
        <translation>편집기의 글자를 작게 합니다</translation>
    </message>
    <message>
        <source>Group by &amp;Tag</source>
        <translation>태그별로 묶기(&amp;T)</translation>
    </message>
    <message>
        <source>Group the sidebar by tag</source>
        <translation>사이드바를 태그별로 묶습니다</translation>
    </message>
    <message>
        <source>Group by &amp;Date</source>
        <translation>날짜별로 묶기(&amp;D)</translation>
    </message>
    <message>
        <source>Group the sidebar by date</source>
        <translation>사이드바를 날짜별로 묶습니다</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>개요(&amp;O)</translation>
    </message>
    <message>
        <source>Show the headings of the post</source>
        <translation>글의 소제목을 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;Filter Posts</source>
        <translation>글 필터(&amp;F)</translation>
    </message>
    <message>
        <source>Filter the sidebar</source>
        <translation>사이드바의 글 목록을 필터링합니다</translation>
    </message>
    <message>
        <source>&amp;Focus Mode</source>
        <translation>집중 모드(&amp;F)</translation>
    </message>
    <message>
        <source>Only the text: hide the sidebar and the preview</source>
        <translation>사이드바와 미리 보기를 숨기고 글만 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;Typewriter Scrolling</source>
        <translation>타자기 스크롤(&amp;T)</translation>
    </message>
    <message>
        <source>Keep the line being written in the middle</source>
        <translation>쓰고 있는 줄을 늘 화면 가운데에 둡니다</translation>
    </message>
    <message>
        <source>Show Side&amp;bar</source>
        <translation>사이드바 표시(&amp;B)</translation>
    </message>
    <message>
        <source>Show or hide the list of posts</source>
        <translation>글 목록을 표시하거나 숨깁니다</translation>
    </message>
    <message>
        <source>Show &amp;Preview</source>
        <translation>미리 보기 표시(&amp;P)</translation>
    </message>
    <message>
        <source>Show or hide the preview</source>
        <translation>미리 보기를 표시하거나 숨깁니다</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>전체 화면(&amp;U)</translation>
    </message>
    <message>
        <source>Let the window fill the screen</source>
        <translation>창을 화면 전체에 표시합니다</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>통계(&amp;S)…</translation>
    </message>
    <message>
        <source>글자수, 어절, 원고지 and more, of the post and the selection</source>
        <translation>글과 선택한 부분의 글자 수, 어절 수, 원고지 매수 등을 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;Checks…</source>
        <translation>검사(&amp;C)…</translation>
    </message>
    <message>
        <source>The post&apos;s problems and what its platform would reject; velog-backup repairs</source>
        <translation>글의 문제와 게시할 플랫폼이 받아들이지 않을 내용을 보여 주고, velog-backup 백업의 오류를 고칩니다</translation>
    </message>
    <message>
        <source>Load &amp;Remote Images</source>
        <translation>원격 이미지 불러오기(&amp;R)</translation>
    </message>
    <message>
        <source>Let the preview load images from the web (remembered for this journal)</source>
        <translation>미리 보기에서 웹의 이미지를 불러옵니다(저널마다 기억합니다)</translation>
    </message>
    <message>
        <source>&amp;Commit…</source>
        <translation>커밋(&amp;C)…</translation>
    </message>
    <message>
        <source>Commit the posts changed through journal_app</source>
        <translation>journal_app에서 바꾼 글을 커밋합니다</translation>
    </message>
    <message>
        <source>&amp;Pull</source>
        <translation>풀(&amp;P)</translation>
    </message>
    <message>
        <source>Bring in the commits of the remote branch</source>
        <translation>원격 브랜치의 커밋을 가져옵니다</translation>
    </message>
    <message>
        <source>P&amp;ush</source>
        <translation>푸시(&amp;U)</translation>
    </message>
    <message>
        <source>Send this branch&apos;s commits to its remote</source>
        <translation>이 브랜치의 커밋을 원격 저장소로 보냅니다</translation>
    </message>
    <message>
        <source>Commit After Each &amp;Save</source>
        <translation>저장할 때마다 커밋(&amp;S)</translation>
    </message>
    <message>
        <source>Commit every post right after it is saved</source>
        <translation>글을 저장할 때마다 바로 커밋합니다</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>사용 설명서(&amp;U)</translation>
    </message>
    <message>
        <source>A short guide to journal_app</source>
        <translation>journal_app의 간단한 사용 설명서를 엽니다</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>Every command and its keys</source>
        <translation>모든 명령과 단축키를 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;About journal_app</source>
        <translation>journal_app 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Versions, data folders and links</source>
        <translation>버전, 데이터 폴더와 링크를 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Git</source>
        <translation>Git(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 저널 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Render &amp;As</source>
        <translation>렌더링 방식(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본 도구 모음</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>velog-backup wrote a raw &quot; or \ into the title or description, so the header does not read. Fix header escapes exactly those characters on those lines; the rest of the file stays byte for byte.</source>
        <translation>velog-backup이 제목이나 설명에 &quot; 또는 \ 문자를 그대로 써 넣어 머리말을 읽을 수 없습니다. &apos;머리말 고치기&apos;는 해당 줄의 그 문자만 이스케이프하며, 파일의 나머지 부분은 한 바이트도 바꾸지 않습니다.</translation>
    </message>
    <message>
        <source>velog-backup wrote &apos;undefined&apos; where it failed to download an image. Remove deletes those lines; Keep leaves them (the preview shows them as missing images).</source>
        <translation>velog-backup이 이미지를 내려받지 못한 자리에 &apos;undefined&apos;를 써 넣었습니다. &apos;삭제&apos;를 누르면 그 줄을 지우고, &apos;유지&apos;를 누르면 그대로 둡니다(미리 보기에는 찾을 수 없는 이미지로 표시됩니다).</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>Warnings of the post</source>
        <translation>글의 경고 목록</translation>
    </message>
    <message>
        <source>Fix header…</source>
        <translation>머리말 고치기…</translation>
    </message>
    <message>
        <source>&apos;undefined&apos; lines…</source>
        <translation>&apos;undefined&apos; 줄 고치기…</translation>
    </message>
    <message>
        <source>No post is open.</source>
        <translation>열린 글이 없습니다.</translation>
    </message>
    <message>
        <source>{count} warning(s) for {platform}.</source>
        <translation>{platform} 기준 경고가 {count}개 있습니다.</translation>
    </message>
    <message>
        <source>No warnings for {platform}.</source>
        <translation>{platform} 기준 경고가 없습니다.</translation>
    </message>
    <message>
        <source>Save the post first</source>
        <translation>먼저 글을 저장하십시오</translation>
    </message>
    <message>
        <source>The repair is made in the file on disk.</source>
        <translation>고친 내용은 디스크의 파일에 바로 적용됩니다.</translation>
    </message>
    <message>
        <source>Could not read the post</source>
        <translation>글을 읽지 못했습니다</translation>
    </message>
    <message>
        <source>Could not repair the post</source>
        <translation>글을 고치지 못했습니다</translation>
    </message>
</context>
<context>
    <name>CommitDialog</name>
    <message>
        <source>Commit</source>
        <translation>커밋</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>메시지:</translation>
    </message>
    <message>
        <source>Files (changed through journal_app are ticked):</source>
        <translation>파일(journal_app에서 바꾼 파일은 체크되어 있습니다):</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>Your unsaved text</source>
        <translation>저장하지 않은 내 글</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>디스크의 파일</translation>
    </message>
    <message>
        <source>Compare: {disk} → {yours}</source>
        <translation>비교: {disk} → {yours}</translation>
    </message>
    <message>
        <source>Lines marked − are only {disk}; lines marked + only in {yours}.</source>
        <translation>−로 표시된 줄은 {disk}에만, +로 표시된 줄은 {yours}에만 있습니다.</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>not an image</source>
        <translation>이미지가 아닙니다</translation>
    </message>
    <message>
        <source>larger than {size} MB</source>
        <translation>{size}MB보다 큽니다</translation>
    </message>
    <message>
        <source>{name}: only images are copied into the journal</source>
        <translation>{name}: 저널에는 이미지만 복사할 수 있습니다</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>명명된 파이프(FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>소켓</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>특수 파일</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>읽을 수 없습니다</translation>
    </message>
    <message>
        <source>it lies outside the journal</source>
        <translation>저널 바깥에 있습니다</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>it is not an image</source>
        <translation>이미지가 아닙니다</translation>
    </message>
    <message>
        <source>it is larger than {size} MB</source>
        <translation>{size}MB보다 큽니다</translation>
    </message>
    <message>
        <source>it is {kind}, not a regular file; it is not read</source>
        <translation>일반 파일이 아니라 {kind}이므로 읽지 않습니다</translation>
    </message>
    <message>
        <source>the file is {size} MB, larger than the {limit} MB it may be</source>
        <translation>파일이 {size}MB로, 허용 한도인 {limit}MB보다 큽니다</translation>
    </message>
    <message>
        <source>the file grew past the {limit} MB it may be while it was read</source>
        <translation>읽는 동안 파일이 커져 허용 한도인 {limit}MB를 넘었습니다</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>the post is {size:.1f} MB; the window will not render it while typing</source>
        <translation>글이 {size:.1f}MB라서 입력하는 동안에는 미리 보기에 표시하지 않습니다</translation>
    </message>
    <message>
        <source>&apos;undefined&apos; line: an image velog-backup failed to download</source>
        <translation>&apos;undefined&apos; 줄: velog-backup이 내려받지 못한 이미지입니다</translation>
    </message>
    <message>
        <source>image not found: {src}</source>
        <translation>이미지를 찾을 수 없습니다: {src}</translation>
    </message>
    <message>
        <source>image not shown: {src} ({reason})</source>
        <translation>이미지를 표시하지 않습니다: {src} ({reason})</translation>
    </message>
    <message>
        <source>The file is not UTF-8; it was read as legacy Korean (cp949) and will be saved back in cp949.</source>
        <translation>파일이 UTF-8이 아니어서 예전 한국어 인코딩(cp949)으로 읽었습니다. 저장할 때도 cp949로 저장합니다.</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 (first bad byte at offset {offset}); the undecodable bytes are kept as they are.</source>
        <translation>파일이 올바른 UTF-8이 아닙니다(첫 번째 잘못된 바이트 위치: {offset}). 해석할 수 없는 바이트는 그대로 둡니다.</translation>
    </message>
    <message>
        <source>Could not write the site into {folder}: {reason}.</source>
        <translation>{folder}에 사이트를 쓰지 못했습니다: {reason}.</translation>
    </message>
    <message>
        <source>Could not write {path}: a symbolic link there leads out of {folder}.</source>
        <translation>{path}에 쓰지 못했습니다: 그 자리의 심볼릭 링크가 {folder} 바깥을 가리킵니다.</translation>
    </message>
    <message>
        <source>{path} is a link to a file outside the journal; it is not exported.</source>
        <translation>{path}: 저널 바깥의 파일을 가리키는 링크이므로 내보내지 않습니다.</translation>
    </message>
    <message>
        <source>The header cannot be edited until it is fixed (line {line}: {problem}).</source>
        <translation>머리말의 오류를 고쳐야 항목을 편집할 수 있습니다({line}번째 줄: {problem}).</translation>
    </message>
    <message>
        <source>Editing {kind} front matter is not supported.</source>
        <translation>{kind} 머리말 편집은 지원하지 않습니다.</translation>
    </message>
    <message>
        <source>This header is one YAML flow mapping ({{...}}); it cannot be edited field by field. Edit it as text.</source>
        <translation>이 머리말은 YAML 흐름 매핑({{...}}) 하나로 되어 있어 항목별로 편집할 수 없습니다. 텍스트로 편집하십시오.</translation>
    </message>
    <message>
        <source>it did not read back as intended</source>
        <translation>다시 읽었을 때 의도한 값이 되지 않았습니다</translation>
    </message>
    <message>
        <source>the header stopped being a header</source>
        <translation>머리말이 더 이상 머리말로 읽히지 않습니다</translation>
    </message>
    <message>
        <source>Could not set {name!r} so that the header reads back correctly: {failure}.</source>
        <translation>머리말이 올바르게 다시 읽히도록 {name!r} 값을 설정하지 못했습니다: {failure}.</translation>
    </message>
    <message>
        <source>TOML has no empty value; remove the key instead.</source>
        <translation>TOML에는 빈 값이 없습니다. 대신 키를 삭제하십시오.</translation>
    </message>
    <message>
        <source>invalid TOML header: {reason}</source>
        <translation>TOML 머리말이 올바르지 않습니다: {reason}</translation>
    </message>
    <message>
        <source>the header holds bytes that are not valid text</source>
        <translation>머리말에 올바른 텍스트가 아닌 바이트가 있습니다</translation>
    </message>
    <message>
        <source>the header&apos;s value {value} cannot be read: {reason}</source>
        <translation>머리말의 값을 읽을 수 없습니다: {value} ({reason})</translation>
    </message>
    <message>
        <source>the header is a list, not a mapping of keys to values</source>
        <translation>머리말이 키와 값의 매핑이 아니라 목록입니다</translation>
    </message>
    <message>
        <source>the header is nested more than {depth} levels deep; it is not read</source>
        <translation>머리말이 {depth}단계보다 깊이 중첩되어 있어 읽지 않습니다</translation>
    </message>
    <message>
        <source>the header is {size} MB, too large to read</source>
        <translation>머리말이 {size}MB로 너무 커서 읽지 않습니다</translation>
    </message>
    <message>
        <source>the header holds more than {count:,} values (counting each repeat of an alias); it is not read</source>
        <translation>머리말의 값이 {count:,}개를 넘어(별칭이 반복될 때마다 하나씩 셉니다) 읽지 않습니다</translation>
    </message>
    <message>
        <source>the header&apos;s text comes to more than {count:,} characters (counting each repeat of an alias); it is not read</source>
        <translation>머리말의 텍스트가 {count:,}자를 넘어(별칭이 반복될 때마다 하나씩 셉니다) 읽지 않습니다</translation>
    </message>
    <message>
        <source>some files</source>
        <translation>일부 파일</translation>
    </message>
    <message>
        <source>The pull was undone: {names} changed both here and on the remote in the same places. Your version is kept in your last commit; nothing in the journal was changed.</source>
        <translation>풀을 되돌렸습니다: {names}의 같은 부분이 이 컴퓨터와 원격 저장소 양쪽에서 바뀌었습니다. 내 버전은 마지막 커밋에 남아 있고, 저널에서는 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>detached HEAD</source>
        <translation>분리된 HEAD</translation>
    </message>
    <message>
        <source>{count} to commit</source>
        <translation>커밋할 파일 {count}개</translation>
    </message>
    <message>
        <source>{count} to push</source>
        <translation>푸시할 커밋 {count}개</translation>
    </message>
    <message>
        <source>{count} to pull</source>
        <translation>풀할 커밋 {count}개</translation>
    </message>
    <message>
        <source>no remote branch</source>
        <translation>원격 브랜치 없음</translation>
    </message>
    <message>
        <source>git could not be run: {reason}.</source>
        <translation>Git을 실행하지 못했습니다: {reason}.</translation>
    </message>
    <message>
        <source>git {command} took longer than {seconds:.0f} seconds and was stopped.</source>
        <translation>git {command} 명령이 {seconds:.0f}초를 넘겨 중지했습니다.</translation>
    </message>
    <message>
        <source>The remote has commits this computer does not have yet: pull first, then push.</source>
        <translation>원격 저장소에 이 컴퓨터에 아직 없는 커밋이 있습니다. 먼저 풀한 다음 푸시하십시오.</translation>
    </message>
    <message>
        <source>The remote cannot be reached ({reason}); commits stay on this computer.</source>
        <translation>원격 저장소에 연결할 수 없습니다({reason}). 커밋은 이 컴퓨터에 남아 있습니다.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>이유가 나와 있지 않습니다</translation>
    </message>
    <message>
        <source>git {command} failed: {reason}.</source>
        <translation>git {command} 명령이 실패했습니다: {reason}.</translation>
    </message>
    <message>
        <source>The journal is on a detached HEAD (no branch), so there is nothing to pull into.</source>
        <translation>저널이 분리된 HEAD(브랜치 없음) 상태라서 풀할 브랜치가 없습니다.</translation>
    </message>
    <message>
        <source>The branch {branch} has no remote branch to pull from.</source>
        <translation>{branch} 브랜치에는 풀할 원격 브랜치가 없습니다.</translation>
    </message>
    <message>
        <source>Nothing was pulled: it would overwrite changes not committed yet in {names}. Commit them first.</source>
        <translation>풀하지 않았습니다: 아직 커밋하지 않은 {names}의 변경 사항을 덮어쓰게 됩니다. 먼저 커밋하십시오.</translation>
    </message>
    <message>
        <source>The journal is on a detached HEAD (no branch), so there is nothing to push.</source>
        <translation>저널이 분리된 HEAD(브랜치 없음) 상태라서 푸시할 브랜치가 없습니다.</translation>
    </message>
    <message>
        <source>The branch has no remote branch to push to and there is no remote.</source>
        <translation>이 브랜치에는 푸시할 원격 브랜치가 없고, 원격 저장소도 없습니다.</translation>
    </message>
    <message>
        <source>The branch has no remote branch to push to; choose one with git push -u.</source>
        <translation>이 브랜치에는 푸시할 원격 브랜치가 없습니다. git push -u로 정하십시오.</translation>
    </message>
    <message>
        <source>Did not read the folders in {folder}: they lie more than {depth} folders deep in the journal.</source>
        <translation>{folder} 안의 폴더는 읽지 않았습니다: 저널에서 {depth}단계보다 깊은 곳에 있습니다.</translation>
    </message>
    <message>
        <source>{folder} is outside the journal.</source>
        <translation>{folder} 폴더는 저널 바깥에 있습니다.</translation>
    </message>
    <message>
        <source>Could not create {path}: {reason}.</source>
        <translation>{path} 파일을 만들지 못했습니다: {reason}.</translation>
    </message>
    <message>
        <source>A new post needs a title.</source>
        <translation>새 글에는 제목이 있어야 합니다.</translation>
    </message>
    <message>
        <source>The file name would leave the journal folder.</source>
        <translation>이 파일 이름을 쓰면 파일이 저널 폴더 바깥에 놓이게 됩니다.</translation>
    </message>
    <message>
        <source>There is already a file named {name}.</source>
        <translation>{name} 파일이 이미 있습니다.</translation>
    </message>
    <message>
        <source>Could not rename {name}: {reason}.</source>
        <translation>{name} 파일의 이름을 바꾸지 못했습니다: {reason}.</translation>
    </message>
    <message>
        <source>the file is a link to a place outside the journal; it is not read</source>
        <translation>저널 바깥을 가리키는 링크 파일이므로 읽지 않습니다</translation>
    </message>
    <message>
        <source>The file contains NUL bytes; it looks like a binary file.</source>
        <translation>파일에 NUL 바이트가 있습니다. 바이너리 파일로 보입니다.</translation>
    </message>
    <message>
        <source>the header has {count:,} tags; only the first {listed} are listed in the journal</source>
        <translation>머리말에 태그가 {count:,}개 있습니다. 저널에는 처음 {listed}개만 표시합니다</translation>
    </message>
    <message>
        <source>The text is not a front matter block between --- lines.</source>
        <translation>이 텍스트는 --- 줄 사이의 머리말 블록이 아닙니다.</translation>
    </message>
    <message>
        <source>The text contains {text!r}, which the file&apos;s encoding {encoding} cannot hold; convert the file to UTF-8 to save it.</source>
        <translation>텍스트에 있는 {text!r} 문자를 파일의 인코딩({encoding})으로 나타낼 수 없습니다. 저장하려면 파일을 UTF-8로 변환하십시오.</translation>
    </message>
    <message>
        <source>The post has no file yet; choose where to save it.</source>
        <translation>이 글은 아직 파일이 없습니다. 저장할 위치를 고르십시오.</translation>
    </message>
    <message>
        <source>{path} changed on disk since it was opened; saving now would overwrite that change.</source>
        <translation>{path} 파일이 열린 뒤 디스크에서 바뀌었습니다. 지금 저장하면 그 변경 사항을 덮어씁니다.</translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}.</source>
        <translation>{path} 파일을 읽지 못했습니다: {reason}.</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>{line}번째 줄: {message}</translation>
    </message>
    <message>
        <source>link to a post that does not exist: {link}</source>
        <translation>존재하지 않는 글을 가리키는 링크: {link}</translation>
    </message>
    <message>
        <source>the description is {length} characters; velog shows the first {shown}</source>
        <translation>설명이 {length}자입니다. velog에는 처음 {shown}자만 표시됩니다</translation>
    </message>
    <message>
        <source>the title is {length} characters; velog takes at most {most}</source>
        <translation>제목이 {length}자입니다. velog는 최대 {most}자까지 받습니다</translation>
    </message>
    <message>
        <source>the date {date} is not RFC 3339 (like 2024-02-02T04:14:54-08:00); Hugo may read it otherwise or not at all</source>
        <translation>날짜({date})가 RFC 3339 형식(예: 2024-02-02T04:14:54-08:00)이 아닙니다. Hugo가 다르게 읽거나 아예 읽지 못할 수 있습니다</translation>
    </message>
    <message>
        <source>draft: true: Hugo does not publish this page</source>
        <translation>draft: true(초안): Hugo가 이 페이지를 게시하지 않습니다</translation>
    </message>
    <message>
        <source>no title: Hugo shows the page without one</source>
        <translation>제목 없음: Hugo가 제목 없이 페이지를 보여 줍니다</translation>
    </message>
    <message>
        <source>{name} is not named YYYY-MM-DD-title: Jekyll does not publish it</source>
        <translation>{name}: 파일 이름이 YYYY-MM-DD-제목 형식이 아니어서 Jekyll이 게시하지 않습니다</translation>
    </message>
    <message>
        <source>the file name says {named} but the header&apos;s date is {written}</source>
        <translation>파일 이름의 날짜는 {named}인데 머리말의 날짜는 {written}입니다</translation>
    </message>
    <message>
        <source>blank lines come before the header: {platform} reads a header only on the file&apos;s first line, and would show this one as text</source>
        <translation>머리말 앞에 빈 줄이 있습니다: {platform}는 파일의 첫 줄에서만 머리말을 읽으므로 이 머리말을 본문으로 보여 줍니다</translation>
    </message>
    <message>
        <source>the post has no tags</source>
        <translation>글에 태그가 없습니다</translation>
    </message>
    <message>
        <source>{reason} ({folder})</source>
        <translation>{reason} ({folder})</translation>
    </message>
    <message>
        <source>the recovery folder is a file, not a folder</source>
        <translation>복구 폴더가 폴더가 아니라 파일입니다</translation>
    </message>
    <message>
        <source>{path} no longer exists on disk; restoring will create it when you save.</source>
        <translation>{path} 파일이 디스크에 더 이상 없습니다. 복원하면 저장할 때 다시 만들어집니다.</translation>
    </message>
    <message>
        <source>The two texts are the same.</source>
        <translation>두 텍스트가 같습니다.</translation>
    </message>
    <message>
        <source>Fix header</source>
        <translation>머리말 고치기</translation>
    </message>
    <message>
        <source>Remove {count} &apos;undefined&apos; line(s)</source>
        <translation>&apos;undefined&apos; 줄 {count}개 삭제</translation>
    </message>
    <message>
        <source>line {line} is not what the repair expected; nothing was changed</source>
        <translation>{line}번째 줄이 고치기에서 예상한 내용과 달라 아무것도 바꾸지 않았습니다</translation>
    </message>
    <message>
        <source>the file is shorter than the repair expected; nothing was changed</source>
        <translation>파일이 고치기에서 예상한 것보다 짧아 아무것도 바꾸지 않았습니다</translation>
    </message>
    <message>
        <source>{name} changed since it was checked; nothing was changed</source>
        <translation>검사한 뒤에 {name} 파일이 바뀌어 아무것도 바꾸지 않았습니다</translation>
    </message>
    <message>
        <source>{post}: {problem}</source>
        <translation>{post}: {problem}</translation>
    </message>
    <message>
        <source>{folder} is inside the journal; export to a folder outside it (or to _site or public, which the journal skips).</source>
        <translation>{folder} 폴더는 저널 안에 있습니다. 저널 바깥의 폴더(또는 저널이 건너뛰는 _site나 public)로 내보내십시오.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation>디스크 할당량을 넘었습니다</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>파일 시스템이 읽기 전용입니다</translation>
    </message>
    <message>
        <source>permission was denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <source>the path is a folder</source>
        <translation>경로가 폴더입니다</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>폴더가 없습니다</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>경로의 일부가 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>파일 이름이 너무 깁니다</translation>
    </message>
    <message>
        <source>the path is a loop of symbolic links</source>
        <translation>경로의 심볼릭 링크가 순환합니다</translation>
    </message>
    <message>
        <source>a file of that name is in the way</source>
        <translation>같은 이름의 파일이 이미 있습니다</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>파일이 읽기 전용입니다</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}; the file on disk was not changed.</source>
        <translation>{path} 파일을 저장하지 못했습니다: {reason}. 디스크의 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Could not save {path}: the path is a folder.</source>
        <translation>{path} 파일을 저장하지 못했습니다: 경로가 폴더입니다.</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}.</source>
        <translation>{path} 파일을 저장하지 못했습니다: {reason}.</translation>
    </message>
    <message>
        <source>the header has a quote that is not closed</source>
        <translation>머리말에 닫히지 않은 따옴표가 있습니다</translation>
    </message>
    <message>
        <source>the header has a line that is not “key: value”</source>
        <translation>머리말에 “키: 값” 형식이 아닌 줄이 있습니다</translation>
    </message>
    <message>
        <source>the header has a quote in a value that is not in quotes as a whole</source>
        <translation>머리말에서 전체를 따옴표로 묶지 않은 값 안에 따옴표가 있습니다</translation>
    </message>
    <message>
        <source>the header has text after the closing quote (a {quote} inside the value needs escaping)</source>
        <translation>머리말에서 닫는 따옴표 뒤에 텍스트가 있습니다(값 안의 {quote} 문자는 이스케이프해야 합니다)</translation>
    </message>
    <message>
        <source>the header has a backslash that starts no escape in a double-quoted value (write \\ or use &apos;…&apos;)</source>
        <translation>머리말의 큰따옴표 값에 이스케이프가 아닌 백슬래시가 있습니다(\\로 쓰거나 &apos;…&apos;로 묶으십시오)</translation>
    </message>
    <message>
        <source>the header has a list item where a key was expected</source>
        <translation>머리말에서 키가 와야 할 자리에 목록 항목이 있습니다</translation>
    </message>
    <message>
        <source>the header has a second colon in a value (put the value in quotes)</source>
        <translation>머리말의 값에 두 번째 콜론이 있습니다(값을 따옴표로 묶으십시오)</translation>
    </message>
    <message>
        <source>the header is indented with a tab (use spaces)</source>
        <translation>머리말이 탭으로 들여쓰기되어 있습니다(공백으로 들여 쓰십시오)</translation>
    </message>
    <message>
        <source>the header has a value starting with * (put the value in quotes)</source>
        <translation>머리말에 *로 시작하는 값이 있습니다(값을 따옴표로 묶으십시오)</translation>
    </message>
    <message>
        <source>the header has a [ list ] that is not closed</source>
        <translation>머리말에 닫히지 않은 [ 목록 ]이 있습니다</translation>
    </message>
    <message>
        <source>the header has a {{ mapping }} that is not closed</source>
        <translation>머리말에 닫히지 않은 {{ 매핑 }}이 있습니다</translation>
    </message>
    <message>
        <source>the header is indented differently from the lines before it</source>
        <translation>머리말의 들여쓰기가 앞 줄들과 다릅니다</translation>
    </message>
    <message>
        <source>the header could not be read ({reason})</source>
        <translation>머리말을 읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>saved, not committed</source>
        <translation>저장됨, 커밋 안 됨</translation>
    </message>
    <message>
        <source>earliest kept version</source>
        <translation>남아 있는 가장 오래된 버전</translation>
    </message>
    <message>
        <source>no line changed</source>
        <translation>바뀐 줄 없음</translation>
    </message>
    <message>
        <source>+{added} −{removed} lines</source>
        <translation>+{added} −{removed}줄</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Rename Post</source>
        <translation>글 이름 바꾸기</translation>
    </message>
    <message>
        <source>New file name:</source>
        <translation>새 파일 이름:</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>휴지통으로 이동</translation>
    </message>
    <message>
        <source>Move “{name}” to the trash?</source>
        <translation>“{name}” 파일을 휴지통으로 옮기시겠습니까?</translation>
    </message>
</context>
<context>
    <name>ExportSiteDialog</name>
    <message>
        <source>Export Site</source>
        <translation>사이트 내보내기</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Site title</source>
        <translation>사이트 제목</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Render posts as</source>
        <translation>글 렌더링 방식</translation>
    </message>
    <message>
        <source>Site Folder</source>
        <translation>사이트 폴더</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find text</source>
        <translation>찾을 텍스트</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>바꿀 텍스트</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>대/소문자 구분</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>단어</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>단어 단위로 찾기</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>정규식</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>이전 일치 항목(Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>다음 일치 항목(F3)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>닫기(Esc)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <source>Replace this match</source>
        <translation>이 일치 항목 바꾸기</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>모두 바꾸기</translation>
    </message>
    <message>
        <source>Replace every match (one undo)</source>
        <translation>모든 일치 항목 바꾸기(한 번에 실행 취소 가능)</translation>
    </message>
    <message>
        <source>Not a valid regular expression: {error}</source>
        <translation>올바른 정규식이 아닙니다: {error}</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>찾는 중…</translation>
    </message>
    <message>
        <source>This pattern takes too long to search; try a simpler one</source>
        <translation>이 패턴은 찾는 데 너무 오래 걸립니다. 더 간단한 패턴을 써 보세요</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>일치 항목 없음</translation>
    </message>
    <message>
        <source>{number} of {total}</source>
        <translation>{total}개 중 {number}번째</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1개 일치</translation>
    </message>
    <message>
        <source>{total} matches</source>
        <translation>{total}개 일치</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>찾지 못했습니다</translation>
    </message>
    <message>
        <source>Cannot replace: {error}</source>
        <translation>바꿀 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Replaced {count}</source>
        <translation>{count}개를 바꾸었습니다</translation>
    </message>
</context>
<context>
    <name>GitSync</name>
    <message>
        <source>git status unknown</source>
        <translation>Git 상태 알 수 없음</translation>
    </message>
    <message>
        <source>The pull was undone</source>
        <translation>풀을 되돌렸습니다</translation>
    </message>
    <message>
        <source>Could not commit</source>
        <translation>커밋하지 못했습니다</translation>
    </message>
    <message>
        <source>Could not pull</source>
        <translation>풀하지 못했습니다</translation>
    </message>
    <message>
        <source>Could not push</source>
        <translation>푸시하지 못했습니다</translation>
    </message>
    <message>
        <source>The journal is not a git working tree: there is nothing to commit to.</source>
        <translation>이 저널은 Git 작업 트리가 아니어서 커밋할 곳이 없습니다.</translation>
    </message>
    <message>
        <source>Nothing to commit: every change is committed.</source>
        <translation>커밋할 것이 없습니다. 모든 변경 사항이 커밋되어 있습니다.</translation>
    </message>
    <message>
        <source>Committed {count} file(s): {message}</source>
        <translation>파일 {count}개를 커밋했습니다: {message}</translation>
    </message>
    <message>
        <source>Pulling…</source>
        <translation>풀하는 중…</translation>
    </message>
    <message>
        <source>Pulled: {count} file(s) changed.</source>
        <translation>풀했습니다: 파일 {count}개가 바뀌었습니다.</translation>
    </message>
    <message>
        <source>Up to date.</source>
        <translation>이미 최신 상태입니다.</translation>
    </message>
    <message>
        <source>Pulling</source>
        <translation>풀하는 중</translation>
    </message>
    <message>
        <source>Pushing…</source>
        <translation>푸시하는 중…</translation>
    </message>
    <message>
        <source>Pushed.</source>
        <translation>푸시했습니다.</translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation>푸시하는 중</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User Guide</source>
        <translation>사용 설명서</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <source>{year}</source>
        <comment>a year shown alone</comment>
        <translation>{year}년</translation>
    </message>
    <message>
        <source>no posts</source>
        <translation>글 없음</translation>
    </message>
    <message>
        <source>1 post</source>
        <translation>글 1편</translation>
    </message>
    <message>
        <source>{count} posts</source>
        <translation>글 {count}편</translation>
    </message>
    <message>
        <source>No posts in {year}</source>
        <translation>{year}년 글 없음</translation>
    </message>
    <message>
        <source>1 post in {year}</source>
        <translation>{year}년 글 1편</translation>
    </message>
    <message>
        <source>{count} posts in {year}</source>
        <translation>{year}년 글 {count}편</translation>
    </message>
    <message>
        <source>current streak 1 day</source>
        <translation>현재 연속 1일</translation>
    </message>
    <message>
        <source>current streak {count} days</source>
        <translation>현재 연속 {count}일</translation>
    </message>
    <message>
        <source>longest 1 day</source>
        <translation>최장 연속 1일</translation>
    </message>
    <message>
        <source>longest {count} days</source>
        <translation>최장 연속 {count}일</translation>
    </message>
    <message>
        <source>Posts per day</source>
        <translation>날짜별 글 수</translation>
    </message>
</context>
<context>
    <name>HeatMapPanel</name>
    <message>
        <source>Previous year</source>
        <translation>이전 해</translation>
    </message>
    <message>
        <source>Next year</source>
        <translation>다음 해</translation>
    </message>
    <message>
        <source>Posts of the day</source>
        <translation>이날의 글</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Hugo front matter</source>
        <translation>Hugo 머리말</translation>
    </message>
    <message>
        <source>Jekyll front matter</source>
        <translation>Jekyll 머리말</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>A markdown journal editor that never rewrites a byte you did not change.</source>
        <translation>바꾸지 않은 바이트는 하나도 다시 쓰지 않는 마크다운 저널 편집기입니다.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>  Data (sample journal, recovery files, caches): {path}</source>
        <translation>  데이터(예제 저널, 복구 파일, 캐시): {path}</translation>
    </message>
    <message>
        <source>  Settings: {path}</source>
        <translation>  설정: {path}</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>링크</translation>
    </message>
</context>
<context>
    <name>HistoryKeeper</name>
    <message>
        <source>The history could not be kept: {error}</source>
        <translation>버전 기록을 남기지 못했습니다: {error}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History</source>
        <translation>버전 기록</translation>
    </message>
    <message>
        <source>Now, in the editor</source>
        <translation>편집기의 현재 내용</translation>
    </message>
    <message>
        <source>&amp;Restore This Version</source>
        <translation>이 버전으로 복원(&amp;R)</translation>
    </message>
    <message>
        <source>No post is open.</source>
        <translation>열린 글이 없습니다.</translation>
    </message>
    <message>
        <source>Versions of “{title}”, its commits in git</source>
        <translation>“{title}”의 버전(Git 커밋)</translation>
    </message>
    <message>
        <source>Versions of “{title}”, kept by journal_app</source>
        <translation>“{title}”의 버전(journal_app이 보관)</translation>
    </message>
    <message>
        <source>{when}   {summary}   ({size} bytes)</source>
        <translation>{when}   {summary}   ({size}바이트)</translation>
    </message>
    <message>
        <source>: none yet (each save keeps one)</source>
        <translation>: 아직 없습니다(저장할 때마다 하나씩 남습니다)</translation>
    </message>
    <message>
        <source>Version {number}, {when}</source>
        <translation>버전 {number}, {when}</translation>
    </message>
    <message>
        <source>Restored an earlier version (Undo takes it back).</source>
        <translation>이전 버전으로 복원했습니다(실행 취소로 되돌릴 수 있습니다).</translation>
    </message>
</context>
<context>
    <name>JournalMonths</name>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>No posts.</source>
        <translation>글이 없습니다.</translation>
    </message>
    <message>
        <source>{posts}, {words} words (by each post&apos;s date, local time)</source>
        <translation>{posts} · {words}어절 (각 글의 날짜 기준, 이 컴퓨터의 시간대)</translation>
    </message>
    <message>
        <source>{posts}, counting words… (by each post&apos;s date, local time)</source>
        <translation>{posts} · 어절을 세는 중… (각 글의 날짜 기준, 이 컴퓨터의 시간대)</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>The header is {size} MB, too large to show or edit here; it is kept exactly as it is. The text below can be edited.</source>
        <translation>머리말이 {size}MB로, 여기서 보여 주거나 편집하기에는 너무 큽니다. 머리말은 그대로 둡니다. 아래의 본문은 편집할 수 있습니다.</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;missing-image&quot;&gt;Line {line} is {length} characters long: too long to preview while you type. Export the post (Ctrl+E) to see it.&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;missing-image&quot;&gt;{line}번째 줄이 {length}자로, 입력하는 동안 미리 보기에 표시하기에는 너무 깁니다. 보려면 글을 내보내십시오(Ctrl+E).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;missing-image&quot;&gt;This post is {size} MB: too large to preview while you type. Export it (Ctrl+E) to see it.&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;missing-image&quot;&gt;이 글은 {size}MB로, 입력하는 동안 미리 보기에 표시하기에는 너무 큽니다. 보려면 글을 내보내십시오(Ctrl+E).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Read-only: this looks like a binary file, not a post.</source>
        <translation>읽기 전용: 글이 아니라 바이너리 파일로 보입니다.</translation>
    </message>
    <message>
        <source>Read-only: the file has bytes that are not text; editing it here could lose them.</source>
        <translation>읽기 전용: 파일에 텍스트가 아닌 바이트가 있어 여기서 편집하면 그 바이트를 잃을 수 있습니다.</translation>
    </message>
    <message>
        <source>the end of the text</source>
        <translation>텍스트의 끝</translation>
    </message>
    <message>
        <source>Read-only: the text holds a character ({character}) the editor would change; editing it here would change the file.</source>
        <translation>읽기 전용: 편집기가 바꿔 버릴 문자({character})가 들어 있어 여기서 편집하면 파일이 바뀝니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Could not open the journal</source>
        <translation>저널을 열지 못했습니다</translation>
    </message>
    <message>
        <source>{count} folder(s) could not be read: {folders}</source>
        <translation>폴더 {count}개를 읽지 못했습니다: {folders}</translation>
    </message>
    <message>
        <source>Open Journal Folder</source>
        <translation>저널 폴더 열기</translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <source>Post text</source>
        <translation>글 본문</translation>
    </message>
</context>
<context>
    <name>MonthChart</name>
    <message>
        <source>{count} words</source>
        <translation>{count}어절</translation>
    </message>
    <message>
        <source>Posts and words per month</source>
        <translation>월별 글 수와 어절 수</translation>
    </message>
    <message>
        <source>■ posts</source>
        <translation>■ 글 수</translation>
    </message>
    <message>
        <source>● words</source>
        <translation>● 어절 수</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <comment>a month&apos;s name and its year</comment>
        <translation>{year}년 {month}</translation>
    </message>
</context>
<context>
    <name>NewPostDialog</name>
    <message>
        <source>New Post</source>
        <translation>새 글</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>comma, separated, tags</source>
        <translation>쉼표로 구분한 태그</translation>
    </message>
</context>
<context>
    <name>OpenDocument</name>
    <message>
        <source>Could not change the field</source>
        <translation>항목을 바꾸지 못했습니다</translation>
    </message>
    <message>
        <source>Could not open the post</source>
        <translation>글을 열지 못했습니다</translation>
    </message>
    <message>
        <source>“{name}” is empty (0 bytes).</source>
        <translation>“{name}” 파일이 비어 있습니다(0바이트).</translation>
    </message>
    <message>
        <source>“{name}” is read-only: changes can be kept with File → Save As.</source>
        <translation>“{name}” 파일은 읽기 전용입니다. 바꾼 내용은 파일 → 다른 이름으로 저장으로 남길 수 있습니다.</translation>
    </message>
    <message>
        <source>Read as {encoding}; it will be saved back in {encoding} (File → Convert to UTF-8 to change that).</source>
        <translation>{encoding} 인코딩으로 읽었습니다. 저장할 때도 {encoding} 인코딩으로 저장합니다(바꾸려면 파일 → UTF-8로 변환).</translation>
    </message>
    <message>
        <source>The post will be saved as UTF-8.</source>
        <translation>이 글은 UTF-8로 저장됩니다.</translation>
    </message>
    <message>
        <source>Not saved automatically: {error}</source>
        <translation>자동 저장하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>저장하지 못했습니다</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} 파일을 저장했습니다</translation>
    </message>
    <message>
        <source>Not saved automatically: {name} changed on disk. Save to choose which version to keep.</source>
        <translation>자동 저장하지 않았습니다: 디스크에서 {name} 파일이 바뀌었습니다. 저장하면 어느 버전을 남길지 고를 수 있습니다.</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>내보내지 못했습니다</translation>
    </message>
    <message>
        <source>{count} image(s) not found</source>
        <translation>이미지 {count}개를 찾지 못함</translation>
    </message>
    <message>
        <source>{count} image(s) not shown</source>
        <translation>이미지 {count}개를 표시하지 않음</translation>
    </message>
    <message>
        <source>Exported {target}{notes}</source>
        <translation>내보냈습니다: {target}{notes}</translation>
    </message>
    <message>
        <source>Unsaved text cannot be kept safe: {error}. Save to keep it.</source>
        <translation>저장하지 않은 글을 안전하게 보관할 수 없습니다: {error}. 잃지 않으려면 저장하십시오.</translation>
    </message>
    <message>
        <source>Unsaved text is kept safe again.</source>
        <translation>저장하지 않은 글을 다시 안전하게 보관하고 있습니다.</translation>
    </message>
    <message>
        <source>Could not read the file</source>
        <translation>파일을 읽지 못했습니다</translation>
    </message>
    <message>
        <source>{name} was deleted or moved on disk; saving will create it again.</source>
        <translation>디스크에서 {name} 파일이 삭제되었거나 옮겨졌습니다. 저장하면 다시 만듭니다.</translation>
    </message>
    <message>
        <source>Reloaded {name}: it changed on disk.</source>
        <translation>디스크에서 바뀐 {name} 파일을 다시 불러왔습니다.</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>Outline</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>Headings of the post</source>
        <translation>글의 소제목</translation>
    </message>
</context>
<context>
    <name>Paste</name>
    <message>
        <source>Images can be added to a post saved in a journal.</source>
        <translation>이미지는 저널에 저장된 글에만 넣을 수 있습니다.</translation>
    </message>
    <message>
        <source>Could not keep the image: {error}</source>
        <translation>이미지를 저장하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Could not add {name}: {error}</source>
        <translation>{name} 파일을 추가하지 못했습니다: {error}</translation>
    </message>
</context>
<context>
    <name>PostFiles</name>
    <message>
        <source>Could not create the post</source>
        <translation>글을 만들지 못했습니다</translation>
    </message>
    <message>
        <source>Could not rename the post</source>
        <translation>글의 이름을 바꾸지 못했습니다</translation>
    </message>
    <message>
        <source>Could not move the post to the trash</source>
        <translation>글을 휴지통으로 옮기지 못했습니다</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>다른 이름으로 저장</translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown)</source>
        <translation>마크다운(*.md *.markdown)</translation>
    </message>
    <message>
        <source>Export HTML</source>
        <translation>HTML로 내보내기</translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation>HTML 페이지(*.html)</translation>
    </message>
    <message>
        <source>Renamed the file to “{name}”.</source>
        <translation>파일 이름을 “{name}”(으)로 바꾸었습니다.</translation>
    </message>
</context>
<context>
    <name>PostTree</name>
    <message>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Untagged</source>
        <translation>태그 없음</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <comment>a month group of the date view</comment>
        <translation>{year}년 {month}월</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경 설정</translation>
    </message>
    <message>
        <source>Save changes automatically</source>
        <translation>변경 사항 자동 저장</translation>
    </message>
    <message>
        <source> s after the last key</source>
        <translation>초(마지막 입력 후)</translation>
    </message>
    <message>
        <source> pt</source>
        <translation>pt</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>시스템 설정에 따름</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>바꾼 언어는 다음에 시작할 때부터 적용됩니다.</translation>
    </message>
    <message>
        <source>Korean and English</source>
        <translation>한국어와 영어</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source> rem</source>
        <translation>rem</translation>
    </message>
    <message>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>안 함</translation>
    </message>
    <message>
        <source>In a journal under git, commit the posts changed through journal_app this often</source>
        <translation>Git으로 관리하는 저널에서, journal_app에서 바꾼 글을 이 간격마다 커밋합니다</translation>
    </message>
    <message>
        <source>All journals</source>
        <translation>모든 저널</translation>
    </message>
    <message>
        <source>Autosave delay</source>
        <translation>자동 저장 대기 시간</translation>
    </message>
    <message>
        <source>Editor font</source>
        <translation>편집기 글꼴</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>글꼴 크기</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>표시 언어</translation>
    </message>
    <message>
        <source>Spell check</source>
        <translation>맞춤법 검사</translation>
    </message>
    <message>
        <source>Preview line width</source>
        <translation>미리 보기 줄 너비</translation>
    </message>
    <message>
        <source>Git: commit every</source>
        <translation>Git 커밋 주기</translation>
    </message>
    <message>
        <source>This journal</source>
        <translation>이 저널</translation>
    </message>
    <message>
        <source>This journal: {name}</source>
        <translation>이 저널: {name}</translation>
    </message>
    <message>
        <source>Load remote images in the preview</source>
        <translation>미리 보기에서 원격 이미지 불러오기</translation>
    </message>
    <message>
        <source>Render posts as</source>
        <translation>글 렌더링 방식</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Could not render this post: {error}</source>
        <translation>이 글을 렌더링하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>Save the changes to “{title}”?</source>
        <translation>“{title}”의 변경 사항을 저장하시겠습니까?</translation>
    </message>
    <message>
        <source>Changed on disk</source>
        <translation>디스크에서 바뀜</translation>
    </message>
    <message>
        <source>“{name}” was changed by another program while you were editing it. Which version do you want to keep?</source>
        <translation>편집하는 동안 다른 프로그램이 “{name}” 파일을 바꾸었습니다. 어느 버전을 남기시겠습니까?</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>내 버전 유지</translation>
    </message>
    <message>
        <source>Take Theirs</source>
        <translation>디스크 버전 사용</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>비교…</translation>
    </message>
    <message>
        <source>Recover unsaved text</source>
        <translation>저장하지 않은 글 복구</translation>
    </message>
    <message>
        <source>“{name}” has text typed on {moment} that was never saved. Restore it?</source>
        <translation>“{name}” 파일에 {moment}에 입력한 뒤 저장하지 않은 글이 있습니다. 복구하시겠습니까?</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>복구한 텍스트</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
</context>
<context>
    <name>PropertiesForm</name>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>comma, separated, tags</source>
        <translation>쉼표로 구분한 태그</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>The header could not be read (line {line}): {error}. Fix it in the text below; nothing is rewritten until then.</source>
        <translation>머리말을 읽을 수 없습니다({line}번째 줄): {error}. 아래 텍스트에서 직접 고치십시오. 고칠 때까지는 아무것도 다시 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>… and {count} more keys</source>
        <translation>… 외 키 {count}개</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>Go to post</source>
        <translation>글로 이동</translation>
    </message>
    <message>
        <source>Go to post: title, or initial consonants (ㅅㅍ)</source>
        <translation>글로 이동: 제목 또는 초성(ㅅㅍ)</translation>
    </message>
    <message>
        <source>Matching posts</source>
        <translation>일치하는 글</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Could not read the recovery folder ({folder}): {error}.</source>
        <translation>복구 폴더({folder})를 읽지 못했습니다: {error}.</translation>
    </message>
    <message>
        <source>The unsaved text of “{name}” is kept; you will be asked again at the next start.</source>
        <translation>“{name}”의 저장하지 않은 글을 보관해 두었습니다. 다음에 시작할 때 다시 묻습니다.</translation>
    </message>
    <message>
        <source>Could not remove a recovery file ({file}): {error}.</source>
        <translation>복구 파일({file})을 지우지 못했습니다: {error}.</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <source>Fix header</source>
        <translation>머리말 고치기</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>유지</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search: words, &quot;a phrase&quot;, -word, tag:, year:, month:, title:</source>
        <translation>검색: 단어, &quot;구절&quot;, -제외할 단어, tag:, year:, month:, title:</translation>
    </message>
    <message>
        <source>Order of the results</source>
        <translation>결과 순서</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>최신순</translation>
    </message>
    <message>
        <source>Most relevant</source>
        <translation>관련도순</translation>
    </message>
    <message>
        <source>Indexing the journal…</source>
        <translation>저널의 색인을 만드는 중…</translation>
    </message>
    <message>
        <source>Indexing the journal… {done} of {total}</source>
        <translation>저널의 색인을 만드는 중… 글 {total}편 중 {done}편</translation>
    </message>
    <message>
        <source>Search is not available: {problem}</source>
        <translation>검색을 사용할 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>Nothing matched.</source>
        <translation>일치하는 글이 없습니다.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Filter commands or keys</source>
        <translation>명령이나 키로 필터링</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>By tag</source>
        <translation>태그별</translation>
    </message>
    <message>
        <source>By date</source>
        <translation>날짜별</translation>
    </message>
    <message>
        <source>Group posts</source>
        <translation>글 묶기 방식</translation>
    </message>
    <message>
        <source>Filter posts</source>
        <translation>글 필터</translation>
    </message>
    <message>
        <source>Filter by title or tag</source>
        <translation>제목이나 태그로 필터링</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>글 목록</translation>
    </message>
    <message>
        <source>Open in New Tab</source>
        <translation>새 탭에서 열기</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Move to Trash…</source>
        <translation>휴지통으로 이동…</translation>
    </message>
    <message>
        <source>Rename tag…</source>
        <translation>태그 이름 바꾸기…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>다른 태그로 합치기…</translation>
    </message>
</context>
<context>
    <name>SiteExport</name>
    <message>
        <source>Making the site…</source>
        <translation>사이트를 만드는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Export Site</source>
        <translation>사이트 내보내기</translation>
    </message>
    <message>
        <source>Rendered {done} of {total} posts…</source>
        <translation>글 {total}편 중 {done}편을 렌더링했습니다…</translation>
    </message>
    <message>
        <source>Could not export the site</source>
        <translation>사이트를 내보내지 못했습니다</translation>
    </message>
    <message>
        <source>Site Exported</source>
        <translation>사이트 내보내기 완료</translation>
    </message>
    <message>
        <source>The site in {folder} holds {count} posts.</source>
        <translation>{folder} 폴더의 사이트에 글 {count}편이 있습니다.</translation>
    </message>
    <message>
        <source>{count} could not be exported.</source>
        <translation>{count}편은 내보내지 못했습니다.</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>브라우저에서 열기</translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>pyenchant is not available ({error})</source>
        <translation>pyenchant를 사용할 수 없습니다({error})</translation>
    </message>
    <message>
        <source>no ko dictionary installed</source>
        <translation>한국어 사전이 설치되어 있지 않습니다</translation>
    </message>
    <message>
        <source>no en dictionary installed</source>
        <translation>영어 사전이 설치되어 있지 않습니다</translation>
    </message>
    <message>
        <source>no ko or en dictionary installed</source>
        <translation>한국어 사전과 영어 사전이 모두 설치되어 있지 않습니다</translation>
    </message>
    <message>
        <source>Looking for suggestions…</source>
        <translation>추천 단어를 찾는 중…</translation>
    </message>
    <message>
        <source>Add “{word}” to Dictionary</source>
        <translation>사전에 “{word}” 추가</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>추천 단어 없음</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>추천 단어</translation>
    </message>
    <message>
        <source>Could not keep the word: {error}</source>
        <translation>단어를 저장하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Spell check: {problem}</source>
        <translation>맞춤법 검사: {problem}</translation>
    </message>
    <message>
        <source>Spell check is off: {problem}</source>
        <translation>맞춤법 검사가 꺼졌습니다: {problem}</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <source>Characters with spaces (글자수, 공백 포함)</source>
        <translation>글자 수(공백 포함)</translation>
    </message>
    <message>
        <source>Characters without spaces (글자수, 공백 제외)</source>
        <translation>글자 수(공백 제외)</translation>
    </message>
    <message>
        <source>Words (어절)</source>
        <translation>어절 수</translation>
    </message>
    <message>
        <source>Latin words</source>
        <translation>영문 단어 수</translation>
    </message>
    <message>
        <source>Manuscript sheets (원고지 200자 매수)</source>
        <translation>원고지 매수(200자 원고지)</translation>
    </message>
    <message>
        <source>Bytes as NEIS counts them</source>
        <translation>NEIS 기준 바이트 수</translation>
    </message>
    <message>
        <source>Reading time</source>
        <translation>읽는 시간</translation>
    </message>
    <message>
        <source>Front matter, code, markdown marks, URLs, image links and HTML tags are not counted; each line of prose is a paragraph, a line break counts as one character (two NEIS bytes). 원고지: 20 × 10 cells, a paragraph indented one cell, lowercase letters and digits two to a cell. Reading time: {hangul} Korean 어절 or {other} other words a minute.</source>
        <translation>머리말, 코드, 마크다운 기호, URL, 이미지 링크와 HTML 태그는 세지 않습니다. 본문의 한 줄은 한 문단으로 보고, 줄바꿈은 한 글자(NEIS 2바이트)로 셉니다. 원고지: 20 × 10칸, 문단 첫머리는 한 칸 들여 쓰고, 영문 소문자와 숫자는 한 칸에 두 자씩 씁니다. 읽는 시간: 1분에 한국어 {hangul}어절 또는 다른 언어 {other}단어.</translation>
    </message>
    <message>
        <source>{sheets} ({rows} rows)</source>
        <translation>{sheets}매({rows}줄)</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes}분</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>통계</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>글</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>선택한 부분</translation>
    </message>
    <message>
        <source>The journal: posts and words (어절) per month</source>
        <translation>저널: 월별 글 수와 어절 수</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>How the preview and exports render: View → Render As</source>
        <translation>미리 보기와 내보내기의 렌더링 방식: 보기 → 렌더링 방식</translation>
    </message>
    <message>
        <source>The journal&apos;s git branch: changes to commit, commits to push and pull</source>
        <translation>저널의 Git 브랜치: 커밋할 변경 사항, 푸시할 커밋과 풀할 커밋</translation>
    </message>
    <message>
        <source>Reading posts: %v of %m</source>
        <translation>글을 읽는 중: %m편 중 %v편</translation>
    </message>
    <message>
        <source>{length} characters · word counts are off for a post this large</source>
        <translation>{length}자 · 글이 너무 길어 어절 수를 세지 않습니다</translation>
    </message>
    <message>
        <source>{counts} ({characters} without spaces) · {minutes} min read</source>
        <translation>{counts}(공백 제외 {characters}자) · 읽는 데 {minutes}분</translation>
    </message>
    <message>
        <source> · selected: {counts}</source>
        <translation> · 선택한 부분: {counts}</translation>
    </message>
    <message>
        <source>Unsaved</source>
        <translation>저장 안 됨</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>저장됨</translation>
    </message>
    <message>
        <source>{words} word · {characters} characters</source>
        <translation>{words}어절 · {characters}자</translation>
    </message>
    <message>
        <source>{words} words · {characters} characters</source>
        <translation>{words}어절 · {characters}자</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>Open posts</source>
        <translation>열린 글</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Tag</source>
        <translation>태그</translation>
    </message>
</context>
<context>
    <name>TagMenu</name>
    <message>
        <source>&apos;{old}&apos; → &apos;{new}&apos;: changed in {count} post(s).</source>
        <translation>&apos;{old}&apos; → &apos;{new}&apos;: 글 {count}편을 바꾸었습니다.</translation>
    </message>
    <message>
        <source>Stopped before the end: the posts after the last one changed still have the old tag.</source>
        <translation>끝나기 전에 중지했습니다. 마지막으로 바꾼 글 다음의 글에는 아직 예전 태그가 남아 있습니다.</translation>
    </message>
    <message>
        <source>{name} has unsaved edits: the tag was changed in the editor; save it to keep it.</source>
        <translation>{name}: 저장하지 않은 변경 사항이 있어 태그를 편집기에서만 바꾸었습니다. 유지하려면 저장하십시오.</translation>
    </message>
    <message>
        <source>Skipped {count} post(s):</source>
        <translation>건너뛴 글 {count}편:</translation>
    </message>
    <message>
        <source>Merge Tag</source>
        <translation>태그 합치기</translation>
    </message>
    <message>
        <source>Merge &apos;{tag}&apos; into the tag:</source>
        <translation>&apos;{tag}&apos; 태그를 합칠 태그:</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>태그 이름 바꾸기</translation>
    </message>
    <message>
        <source>Rename the tag &apos;{tag}&apos; to:</source>
        <translation>&apos;{tag}&apos; 태그의 새 이름:</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Renaming the tag &apos;{tag}&apos;…</source>
        <translation>&apos;{tag}&apos; 태그의 이름을 바꾸는 중…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>it is open read-only</source>
        <translation>읽기 전용으로 열려 있습니다</translation>
    </message>
    <message>
        <source>its header could not be changed</source>
        <translation>머리말을 바꾸지 못했습니다</translation>
    </message>
    <message>
        <source>its header in the editor cannot be read: {error}</source>
        <translation>편집기에 있는 머리말을 읽을 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>it could not be saved; the change is in the editor</source>
        <translation>저장하지 못했습니다. 바꾼 내용은 편집기에 있습니다</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>Could not create today&apos;s entry</source>
        <translation>오늘의 글을 만들지 못했습니다</translation>
    </message>
    <message>
        <source>Created today&apos;s entry (template: {template})</source>
        <translation>오늘의 글을 만들었습니다(템플릿: {template})</translation>
    </message>
    <message>
        <source>Created today&apos;s entry (template: {template}, not there yet)</source>
        <translation>오늘의 글을 만들었습니다(템플릿: {template}, 이 파일은 아직 없습니다)</translation>
    </message>
    <message>
        <source>Opened today&apos;s entry</source>
        <translation>오늘의 글을 열었습니다</translation>
    </message>
</context>
</TS>
